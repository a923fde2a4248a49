// Sophia's chat page. Privacy rules: the conversation id lives in a variable only (no cookies, nothing in the browser's
// web storage, no history entries); quick exit (button or Esc twice) ends the conversation on the server, wipes the
// page and replaces it with a neutral site (location.replace, so Back does not return here).
"use strict";
(() => {
  const LABELS = {
    en: { send: "Send", exit: "Quick exit", offline: "offline assistant", model: "assistant", placeholder: "Write your message", help: "Help near you", share: "Share this conversation with the counsellor", shared: "Shared with the counsellor.", language: "Language", country: "Country", notice: "Press Esc twice or “Quick exit” to leave at once. Nothing is kept in this browser.", error: "Sorry, something went wrong. Please try again." },
    fr: { send: "Envoyer", exit: "Sortie rapide", offline: "assistant hors ligne", model: "assistant", placeholder: "Écrivez votre message", help: "De l'aide près de chez vous", share: "Partager cette conversation avec la conseillère", shared: "Partagée avec la conseillère.", language: "Langue", country: "Pays", notice: "Appuyez deux fois sur Échap ou sur « Sortie rapide » pour partir tout de suite. Rien n'est gardé dans ce navigateur.", error: "Désolé, une erreur est survenue. Réessayez." },
    es: { send: "Enviar", exit: "Salida rápida", offline: "asistente sin conexión", model: "asistente", placeholder: "Escribe tu mensaje", help: "Ayuda cerca de ti", share: "Compartir esta conversación con la consejera", shared: "Compartida con la consejera.", language: "Idioma", country: "País", notice: "Pulsa Esc dos veces o «Salida rápida» para salir al instante. Nada se guarda en este navegador.", error: "Lo siento, algo salió mal. Inténtalo de nuevo." },
    pt: { send: "Enviar", exit: "Saída rápida", offline: "assistente offline", model: "assistente", placeholder: "Escreva sua mensagem", help: "Ajuda perto de você", share: "Compartilhar esta conversa com a conselheira", shared: "Compartilhada com a conselheira.", language: "Idioma", country: "País", notice: "Pressione Esc duas vezes ou «Saída rápida» para sair na hora. Nada fica guardado neste navegador.", error: "Desculpe, algo deu errado. Tente de novo." },
    sw: { send: "Tuma", exit: "Toka haraka", offline: "msaidizi nje ya mtandao", model: "msaidizi", placeholder: "Andika ujumbe wako", help: "Msaada karibu nawe", share: "Shiriki mazungumzo haya na mshauri", shared: "Imeshirikiwa na mshauri.", language: "Lugha", country: "Nchi", notice: "Bonyeza Esc mara mbili au «Toka haraka» kuondoka mara moja. Hakuna kinachohifadhiwa kwenye kivinjari hiki.", error: "Samahani, kuna tatizo. Jaribu tena." },
    hi: { send: "भेजें", exit: "तुरंत बाहर निकलें", offline: "ऑफ़लाइन सहायक", model: "सहायक", placeholder: "अपना संदेश लिखें", help: "आपके पास मदद", share: "यह बातचीत परामर्शदाता के साथ साझा करें", shared: "परामर्शदाता के साथ साझा की गई।", language: "भाषा", country: "देश", notice: "तुरंत जाने के लिए Esc दो बार दबाएँ या «तुरंत बाहर निकलें»। इस ब्राउज़र में कुछ नहीं रखा जाता।", error: "माफ़ कीजिए, कुछ गलत हो गया। फिर से कोशिश करें।" },
  };
  const $ = (id) => document.getElementById(id);
  let conversationId = null;
  let config = { offline: true, quickExitUrl: "https://www.wikipedia.org/", languages: Object.keys(LABELS), countries: [] };
  let lastEscape = 0;
  let exiting = false;

  const labels = () => LABELS[$("language").value] || LABELS.en;

  function applyLabels() {
    const l = labels();
    document.documentElement.lang = $("language").value;
    $("send").textContent = l.send;
    $("quick-exit").textContent = l.exit;
    $("mode").textContent = config.offline ? l.offline : l.model;
    $("text").placeholder = l.placeholder;
    $("help-title").textContent = l.help;
    $("share").textContent = l.share;
    $("language-label").textContent = l.language;
    $("country-label").textContent = l.country;
    $("notice").textContent = l.notice;
  }

  function browserLanguage() {
    for (const tag of navigator.languages || [navigator.language || "en"]) {
      const code = String(tag).slice(0, 2).toLowerCase();
      if (LABELS[code]) return code;
    }
    return "en";
  }

  function countryName(code) {
    try { return new Intl.DisplayNames([$("language").value], { type: "region" }).of(code) || code; } catch { return code; }
  }

  function fillCountries() {
    const select = $("country");
    const chosen = select.value;
    select.replaceChildren(new Option("—", ""));
    for (const code of config.countries) select.add(new Option(countryName(code), code));
    select.value = chosen;
  }

  function addMessage(role, text) {
    const div = document.createElement("div");
    div.className = "msg " + role;
    if (role === "assistant") {
      const who = document.createElement("span");
      who.className = "who";
      who.textContent = config.offline ? labels().offline : labels().model;
      div.append(who);
    }
    const body = document.createElement("span");
    body.className = "body";
    body.textContent = text;
    div.append(body);
    $("log").append(div);
    div.scrollIntoView({ block: "end" });
    return body;
  }

  function showHelplines(helplines) {
    const list = $("helplines");
    list.replaceChildren();
    for (const h of helplines) {
      const li = document.createElement("li");
      li.textContent = [h.name, h.phone, h.text, h.url, h.hours].filter(Boolean).join(" · ");
      list.append(li);
    }
    $("help").hidden = false;
  }

  async function post(path, body, keepalive) {
    return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || {}), credentials: "omit", cache: "no-store", keepalive: !!keepalive });
  }

  async function ensureConversation() {
    if (conversationId) return conversationId;
    const response = await post("/api/conversations", { language: $("language").value, country: $("country").value || null });
    if (!response.ok) throw new Error("start " + response.status);
    conversationId = (await response.json()).id;
    return conversationId;
  }

  async function send(text) {
    addMessage("user", text);
    const id = await ensureConversation();
    const response = await post("/api/conversations/" + id + "/stream", { text, language: $("language").value, country: $("country").value || null });
    if (!response.ok || !response.body) throw new Error("send " + response.status);
    const body = addMessage("assistant", "");
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!line.startsWith("data: ")) continue;
        const event = JSON.parse(line.slice(6));
        if (event.type === "delta") body.textContent += event.text;
        else if (event.type === "done" && event.escalated) showHelplines(event.helplines || []);
      }
    }
    document.body.dataset.turns = String(Number(document.body.dataset.turns || 0) + 1);
  }

  // Evidence safe: the passphrase stays in its input and is sent with each request; nothing is kept in the browser.
  async function evidence(path, extra) {
    const passphrase = $("evidence-passphrase").value;
    const response = await post("/api/evidence" + path, Object.assign({ passphrase }, extra || {}));
    if (!response.ok) {
      let message = "HTTP " + response.status;
      try { message = (await response.json()).error || message; } catch { /* keep the status */ }
      throw new Error(message);
    }
    return response;
  }

  function wireEvidence() {
    const status = (text) => { $("evidence-status").textContent = text; };
    const run = (action) => async () => { try { await action(); } catch (e) { status(e.message); } };
    $("evidence-create").addEventListener("click", run(async () => {
      const { safeId } = await (await evidence("")).json();
      $("evidence-id").value = safeId;
      status("Safe created. Safe number: " + safeId);
    }));
    $("evidence-add").addEventListener("click", run(async () => {
      const id = $("evidence-id").value.trim();
      const note = $("evidence-note").value.trim();
      const file = $("evidence-file").files[0];
      if (note) { await evidence("/" + id + "/notes", { text: note }); $("evidence-note").value = ""; }
      if (file) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        let binary = "";
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        await evidence("/" + id + "/files", { fileName: file.name, mediaType: file.type || null, contentBase64: btoa(binary) });
        $("evidence-file").value = "";
      }
      const items = await (await evidence("/" + id + "/items")).json();
      status(items.length + " item(s) in the safe.");
    }));
    $("evidence-export").addEventListener("click", run(async () => {
      const blob = await (await evidence("/" + $("evidence-id").value.trim() + "/export")).blob();
      const url = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement("a"), { href: url, download: "evidence-bundle.zip" });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      status("Bundle exported.");
    }));
  }

  function quickExit() {
    if (exiting) return;
    exiting = true;
    const id = conversationId;
    conversationId = null;
    if (id) navigator.sendBeacon("/api/conversations/" + id + "/end");
    document.title = "";
    document.body.replaceChildren();
    location.replace(config.quickExitUrl);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("language").value = browserLanguage();
    applyLabels();
    try {
      const response = await fetch("/api/config", { credentials: "omit", cache: "no-store" });
      if (response.ok) config = await response.json();
    } catch { /* keep the defaults */ }
    fillCountries();
    applyLabels();
    $("language").addEventListener("change", () => { applyLabels(); fillCountries(); });
    $("quick-exit").addEventListener("click", quickExit);
    document.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      const now = Date.now();
      if (now - lastEscape < 1500) quickExit();
      lastEscape = now;
    });
    window.addEventListener("pagehide", () => { if (conversationId) navigator.sendBeacon("/api/conversations/" + conversationId + "/end"); });
    $("share").addEventListener("click", async () => {
      if (!conversationId) return;
      const response = await post("/api/conversations/" + conversationId + "/share", {});
      if (response.ok) $("share").replaceWith(Object.assign(document.createElement("p"), { textContent: labels().shared }));
    });
    $("form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const text = $("text").value.trim();
      if (!text) return;
      $("text").value = "";
      $("send").disabled = true;
      try { await send(text); } catch { addMessage("assistant", labels().error); } finally { $("send").disabled = false; $("text").focus(); }
    });
    wireEvidence();
    document.body.dataset.ready = "true";
  });
})();
