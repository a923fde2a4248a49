using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Text;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The words of the prompt-injection rules, by class, in en, de, fr, es, pt, sw, hi (Latin and Devanagari) and ar, in the
/// form <c>GuardText.Normalize</c> gives them (lower case, Latin diacritics removed, punctuation as spaces). Entries are
/// separated by spaces; an entry with underscores is a phrase (its words joined by spaces), whose classes go to its last word.
/// </summary>
internal static class InjectionLexicon
{
    // Word classes (bits of a token's mask).
    public const uint Override = 1u << 0;      // ignore, forget, disregard
    public const uint Prior = 1u << 1;         // previous, above, earlier, initial
    public const uint Instructions = 1u << 2;  // instructions, rules, guidelines, tasks
    public const uint Everything = 1u << 3;    // everything, alles, tout
    public const uint Reveal = 1u << 4;        // show, reveal, print, repeat, tell
    public const uint Hidden = 1u << 5;        // system, hidden, secret, internal
    public const uint Prompt = 1u << 6;        // prompt, system prompt
    public const uint YourPossessive = 1u << 7; // your, deine, tes, tus, suas, yako, aapke
    public const uint Other = 1u << 8;         // other, another, andere, autres
    public const uint Users = 1u << 9;         // users, people, customers
    public const uint Data = 1u << 10;         // conversations, messages, history, data
    public const uint Role = 1u << 11;         // act as, pretend, roleplay, imagine
    public const uint Without = 1u << 12;      // no, without, ohne, sans, sin, sem, bila, bina
    public const uint Limits = 1u << 13;       // restrictions, limits, filters, censorship
    public const uint Jailbreak = 1u << 14;    // jailbreak, developer mode, do anything now
    public const uint New = 1u << 15;          // new, neue, nouvelles
    public const uint FromNow = 1u << 16;      // from now on, ab jetzt, desormais
    public const uint You = 1u << 17;          // you, du, tu, vous, wewe, tum, aap
    public const uint Bypass = 1u << 18;       // bypass, override, disable
    public const uint Safety = 1u << 19;       // safety, security, guardrails, moderation
    public const uint Assistant = 1u << 20;    // ai, assistant, chatbot, language model
    public const uint Act = 1u << 21;          // send, email, visit, click, reply (addressed to a model in a document)
    public const uint Reading = 1u << 22;      // summarize, read, process (when you summarize this)
    public const uint When = 1u << 23;         // when, if, wenn, quand, cuando, quando, ukiwa, jab
    public const uint Mine = 1u << 24;         // my, mein, mes, mis, meus, yangu, mera: the user's own earlier words
    public const uint ThirdParty = 1u << 25;   // doctor's, his, her, their, teacher: someone else's instructions
    public const uint All = 1u << 26;          // all, alle, toutes, todas, zote, sabhi
    public const uint NowYouAre = 1u << 27;    // you are now, now you are, du bist jetzt, tu es maintenant
    public const uint Stop = 1u << 28;         // stop, stopp, achtung, attention (before "write:" / "say:")
    public const uint Owner = 1u << 30;        // court, judge, doctor, shelter: whose instructions, also after the noun ("des Gerichts")
    public const uint HowTo = 1u << 29;        // "instructions on how", "instructions for": a request for help, not a command
    public const uint PhraseStart = 1u << 31;  // internal: a phrase may start here

    /// <summary>The longest phrase, in words.</summary>
    public const int MaxPhraseWords = 4;

    private static readonly (uint Class, string Words)[] s_entries =
    [
        (Override,
            "ignore ignoring disregard disregarding forget neglect discard abandon despite regardless abweichend entgegen " +
            "забудьте забудь игнорируй игнорируйте zaboravi zaboravite ignoriraj " +
            "ignoriere ignorier ignorieren ignoriert ignorierst vergiss vergesse vergessen vergesst missachte missachten verwirf " +
            "ignorez ignorer oublie oubliez oublier tiens_pas_compte tenez_pas_compte fais_abstraction faites_abstraction " +
            "ignora ignorar olvida olvide olvidar descarta descartar omite omitir desestima caso_omiso " +
            "esqueca esquece esquecer desconsidere desconsidera desconsiderar despreze " +
            "puuza puuzia upuuze upuuzie usizingatie msizingatie sahau usahau achana " +
            "bhool bhul bhulo bhula bhoolo bhulkar nazarandaz nazarandaaz andekha anadekha " +
            "भूल भूलो भूलें भूलकर अनदेखा नज़रअंदाज़ नजरअंदाज"),
        (Prior,
            "previous prior above earlier preceding initial original former aforementioned " +
            "vorherigen vorherige vorheriger bisherigen bisherige obigen obige vorigen vorangegangenen fruheren ursprunglichen davor oben oberhalb zuvor vor_mir " +
            "precedentes precedente anterieures anterieure initiales originales ci_dessus " +
            "anteriores anterior previas previos arriba iniciales originales " +
            "iniciais originais acima " +
            "awali zilizopita yaliyopita iliyopita uliopita zilizotangulia yaliyotangulia aliyetangulia aliyepita hapo_juu " +
            "pichhle pichle pichhli pehle pahle upar " +
            "पिछले पिछली पहले ऊपर"),
        (All,
            "all alle allen toutes tous todas todos zote yote vyote sabhi saare sare sab все sve " +
            "सभी सारे सब"),
        (Instructions,
            "instructions instruction linstruction information informationen ausfuhrungen rules guidelines directives orders commands constraints programming tasks task policies " +
            "anweisungen anweisung regeln vorgaben befehle instruktionen richtlinien aufgaben aufgabe auftrage systemanweisungen " +
            "consignes regles ordres commandes taches tache " +
            "instrucciones instruccion reglas directrices indicaciones ordenes comandos normas pautas tareas tarea " +
            "instrucoes instrucao regras diretrizes ordens orientacoes tarefas tarefa " +
            "maagizo maelekezo sheria kanuni amri miongozo " +
            "nirdesh nirdeshon niyam niyamon hidayat hidayaten инструкции инструкций instrukcije upute " +
            "निर्देश निर्देशों नियम नियमों हिदायत"),
        (Everything,
            "everything alles tout todo tudo kila_kitu sab_kuch सब_कुछ"),
        (Reveal,
            "show reveal print repeat display output tell give list dump leak share write spell recite expose disclose paste " +
            "zeig zeige zeigen zeigt gib verrate verraten wiederhole nenne drucke schreib schreibe teile " +
            "montre montrez affiche affichez revele revelez repete repetez dis dites donne donnez imprime ecris partage " +
            "muestra muestrame muestre mostrar revela revelame revele revelar repite repita dime dame imprime escribe ensename comparte " +
            "mostre mostra revela repete diga imprima exiba exibe conte " +
            "onyesha nionyeshe tuonyeshe fichua rudia niambie nipe andika " +
            "dikhao dikhaiye dikha batao bataiye bata likho sunao " +
            "दिखाओ दिखाइए दिखा बताओ बताइए बता लिखो"),
        (Hidden,
            "system hidden secret internal confidential initial developer " +
            "systemanweisungen systemprompt geheimen geheime versteckten versteckte internen vertraulichen " +
            "systeme cachees cachee secretes internes confidentielles " +
            "sistema ocultas ocultos secretas secretos internas confidenciales ocultas confidenciais " +
            "mfumo siri " +
            "सिस्टम गुप्त छिपे"),
        (Prompt,
            "prompt prompts systemprompt preprompt metaprompt system_prompt prompt_text prompt_texts प्रॉम्प्ट प्रोम्प्ट"),
        (YourPossessive,
            "your yours deine dein deinen deiner deines eure euren tes ton ta vos votre tus tu sus su suas seus sua seu tuas teus tua teu " +
            "yako zako wako lako chako vyako aapke apke aapki apki aapka tumhare tumhari tera tere teri " +
            "आपके आपकी आपका तुम्हारे तुम्हारी तेरे"),
        (Other,
            "other another others different dautres dautre andere anderen anderer fremde fremden autres autre otros otras otro otra demas " +
            "outros outras outro outra demais wengine mwingine nyingine dusre doosre dusron anya " +
            "दूसरे दूसरों अन्य"),
        (Users,
            "users user people peoples customers clients members callers persons patients lutilisateur lutilisatrice " +
            "nutzer nutzern benutzer benutzern kunden personen leute menschen nutzerinnen " +
            "utilisateurs utilisatrices personnes gens usagers usageres " +
            "usuarios usuarias personas persona gente utilizadores pessoas pessoa personne " +
            "watumiaji mtumiaji watu mtu wateja " +
            "logon logo upyogkarta upyogkartaon " +
            "उपयोगकर्ताओं उपयोगकर्ता यूज़र्स यूजर्स लोगों"),
        (Data,
            "conversations conversation chats chat messages history data records logs transcripts details " +
            "gesprache gesprach unterhaltungen nachrichten verlauf daten chatverlauf " +
            "historique donnees discussions echanges " +
            "conversaciones conversacion mensajes historial datos registros " +
            "conversas conversa mensagens historico dados registros " +
            "mazungumzo ujumbe historia taarifa gumzo " +
            "baatcheet batchit baatchit sandesh " +
            "बातचीत संदेश चैट डेटा"),
        (Role,
            "act pretend roleplay imagine simulate behave impersonate portray fungieren fungierst role_play " +
            "spiele spiel verhalte agiere simuliere tu_so stell_dir_vor " +
            "joue jouez imagine imaginez incarne agis agissez fais_semblant faites_semblant " +
            "finge finja fingir actua actue imagina interpreta haz_de_cuenta " +
            "finja finge aja atue imagine interprete " +
            "jifanye jifanya igiza " +
            "natak abhinay maan_lo " +
            "अभिनय नाटक"),
        (Without,
            "no without zero ohne keine keinerlei sans aucune aucun sin ninguna ningun ninguno sem nenhuma nenhum bila hakuna isiyo wasio bina " +
            "बिना"),
        (Limits,
            "restrictions limits limitations filters filter censorship rules guidelines ethics morals morality boundaries constraints safeguards " +
            "einschrankungen beschrankungen regeln grenzen zensur ethik moral " +
            "limites filtres censure regles ethique morale " +
            "restricciones filtros censura reglas etica " +
            "restricoes regras " +
            "vikwazo mipaka vizuizi udhibiti " +
            "pabandi pabandiyan seema niyam niyamon richtlinien directrices diretrizes miongozo " +
            "प्रतिबंध पाबंदी सीमा नियम नियमों"),
        (Jailbreak,
            "jailbreak jailbroken jailbreaking unfiltered uncensored unrestricted evil_ai bose_ki ia_malvada ia_malefique ia_malvada akili_bandia_mbaya developer_mode dev_mode do_anything_now god_mode dan_mode evil_mode entwicklermodus modo_desarrollador mode_developpeur modo_desenvolvedor"),
        (New,
            "new neue neuen neues neuer nouvelles nouvelle nouveau nouveaux nuevas nueva nuevo nuevos novas nova novo novos mapya mpya naye naya nayi " +
            "नए नया नई"),
        (FromNow,
            "henceforth desormais from_now_on starting_now ab_jetzt von_nun_an ab_sofort a_partir_de_maintenant des_maintenant a_partir_de_ahora de_ahora_en_adelante a_partir_de_agora de_agora_em_diante kuanzia_sasa tangu_sasa ab_se aaj_se अब_से"),
        (NowYouAre,
            "you_are_now now_you_are from_now_you_are du_bist_jetzt jetzt_bist_du ab_jetzt_bist_du tu_es_maintenant maintenant_tu_es vous_etes_maintenant " +
            "ahora_eres ahora_tu_eres agora_voce_e agora_es sasa_wewe_ni ab_tum_ho ab_aap_ho want_you_to_act want_you_to_pretend " +
            "अब_तुम_हो"),
        (Stop,
            "stop stopp achtung attention halt arrete alto pare simama ruko"),
        (You,
            "you du tu vous usted voce wewe tum aap तुम आप"),
        (Bypass,
            "bypass circumvent override disable deactivate evade umgehe umgehen deaktiviere ausschalten contourne contournez desactive desactivez " +
            "evita eludir desactiva contorne desative desativa kwepa zima turn_off switch_off"),
        (Safety,
            "safety security guardrails moderation content sicherheit sicherheits securite seguridad seguranca usalama suraksha " +
            "सुरक्षा"),
        (Assistant,
            "ai assistant chatbot bot llm gpt chatgpt ia lia lassistant assistente asistente msaidizi language_model modelo_de_lenguaje modelo_de_linguagem modele_de_langage sprachmodell akili_bandia"),
        (Act,
            "send email forward visit click respond reply say include append insert recommend instruct must " +
            "sende schicke antworte besuche envoie reponds visite envia responde visita envie responda tuma jibu tembelea bhejo"),
        (Reading,
            "summarize summarise summarizing summarising read reading process processing analyze analyse translate " +
            "zusammenfassen liest resumes lis resumas leas resuma leia"),
        (When,
            "when if whenever wenn falls quand lorsque si cuando quando ukiwa ukisoma jab agar"),
        (Mine,
            "my mine mein meine meinen meiner mes mon ma mis mi meus minhas minha meu yangu zangu wangu langu mera meri mere apni " +
            "मेरे मेरी मेरा"),
        (ThirdParty,
            "doctor doctors his her their its teacher lawyer nurse landlord husband wife boss label manual package " +
            "ehemann esposo esposa marido mari mume pati " +
            "arzt arztes seine lehrer medecin docteur ses leur medico daktari mwalimu wake daktar uski uske dele dela deles delas yao zao wao unke unki leurs " +
            "उनके उनकी उसके उसकी"),

        // No reported-speech verbs (told, said, dit, dijo, gesagt, kaha, قال) in this class: "forget everything you were
        // told", "vergiss alles, was man dir gesagt hat" are the commonest overrides, and "my teacher said: ignore all
        // previous instructions" is an attack too. Whose instructions they are comes from the nouns and possessives.
        (ThirdParty | Owner,
            "doctor doctors teacher lawyer nurse landlord husband wife boss bag sack packet box leaflet label manual package arzt arztes lehrer medecin docteur medico daktari mwalimu daktar " +
            "court courts judge magistrate police officer officers employer employers shelter caseworker counsellor counselor school government clinic hospital landlady principal headteacher " +
            "gericht gerichts richter richterin polizei arbeitgeber chef frauenhaus jugendamt schule behorde anwalt anwaltin " +
            "tribunal juge gendarmerie employeur patron foyer ecole mairie prefecture avocat avocate " +
            "juez jueza policia jefe empleador refugio escuela abogado abogada gobierno casero casera arrendador " +
            "juiz juiza policia patrao empregador abrigo escola advogado advogada governo " +
            "mahakama polisi mwajiri hakimu makazi shule serikali wakili " +
            "adalat adaalat court police maalik malik school sarkar vakil " +
            "अदालत पुलिस मालिक डॉक्टर नर्स सरकार वकील स्कूल " +
            "محكمه محكمة شرطه شرطة طبيب طبيبة قاضي قاضية صاحب مالك مدير مديرة معلم معلمة محامي محامية زوج زوجة ملجا مدرسة حكومة " +
            // Arabizi (digits as 0): doctor, teacher, court, judge, police, husband, lawyer. Not "2adi" (judge), which folds
            // to "0adi" like the everyday "3adi" (normal).
            "doktor doktora dektor daktor tabib mo0alem mo0alim mu0alim mo0alema mahkama ma0kama mo0kama qadi shorta shor0a bolis " +
            "goz gozi gozik gozek zawgi zoji jozi mo0ami mu0ami mo0amy mo0amia mo0amiya"),
        (HowTo,
            "instructions_on_how instructions_about_how instructions_how_to instruction_on_how anweisungen_wie " +
            "instrucciones_de_como instrucciones_sobre_como instrucoes_de_como instrucoes_sobre_como maelekezo_ya_jinsi maagizo_ya_jinsi"),

        // Arabic, in the folded form InjectionRules.ArabicClasses looks up (alef forms as ا, ى as ي, no harakat), without the
        // article and the clitics it strips: ال, و, ف, ب, ل before; ك/كم (your), ي/نا (my), ه/ها/هم (his, her, their) after.
        // No "cancel" verb: a passive "was cancelled" (ألغيت) is said of laws far more often than of an assistant's rules.
        // No plural imperatives (تجاهلوا, like es "ignoren", pt "ignorem", sw "puuzeni"): they address people, as notices do.
        (Override, "تجاهل تجاهلي انس انسى انسي اهمل اهملي تخط تخطى تخطي طنش طنشي"),
        (Prior, "سابقة سابق سابقه السابقة السابق"),
        (All, "كل جميع كافة"),
        (Instructions, "تعليمات تعليمة قواعد قاعدة اوامر ارشادات توجيهات مهام مهمة"),
        (Reveal, "اعرض اعرضي اظهر اكشف اكشفي اطبع كرر اخبرني اعطني ارني انسخ شارك وريني ورجيني احكيلي قلي اكتب اكتبي اكتبلي ابعتلي اعطيني عطني"),
        (Hidden, "نظام سري سرية مخفي مخفية داخلية"),
        (Prompt, "برومبت موجه"),
        (YourPossessive, "بك بكم لديك"),
        (Other, "اخرين اخرى اخر"),
        (Users, "مستخدمين مستخدم مستخدمون مستخدمي ناس"),
        (Data, "محادثات محادثة رسائل رسالة سجل بيانات"),
        (Role, "تظاهر تظاهري تقمص"),
        (Without, "بدون بلا دون"),
        (Limits, "قيود قيد فلتر فلاتر رقابة حدود اخلاق"),
        (New, "جديدة جديد"),
        (FromNow, "من_الان من_الآن"),
        (You, "انت انتي انتم"),
        (Bypass, "تجاوز عطل اوقف تخط تخطى تخطي"),
        (Safety, "امان حماية سلامة امن"),
        (Assistant, "مساعد بوت شات"),
        (Act, "ارسل اطلب"),
        (Reading, "تلخص لخص تقرا اقرا"),
        (When, "عندما اذا"),

        // Arabizi (Arabic in Latin letters; GuardText.Normalize writes its digit letters 2, 3, 7 as 0): "tjahal kol el
        // ta3limat el sab2a", "ensa qawa3dak", "warini el prompt taba3ak". Forms with the suffix -ak/-ik are "your".
        (Override, "tjahal tjahel tjahl itjahal tejahal ensa ensay insa tanesh"),
        (Instructions, "ta0limat ta0limatak ta0limatik ta0alim qawa0id qawa0ed 0awa0ed qawa0dak 0awa0dak awamer awamrak awamerak"),
        (YourPossessive, "ta0limatak ta0limatik qawa0dak 0awa0dak awamrak awamerak taba0ak taba0ik tab0ak"),
        (Prior, "sab0a sab0ah sabqa sab0in sabe0a"),
        (All, "kol kul koll"),
        (Reveal, "warini warrini wareeni werini a0tini e0tini 0oli qoli ektebli"),
    ];

    /// <summary>
    /// Words without classes: reversed and ROT13 forms of key words. The rules do nothing with them but note that the text
    /// may be masked (the detector then reads it reversed and in ROT13 too), at no cost beyond the lookup every word has.
    /// </summary>
    private const string MaskedForms =
        "erongi zerongi rerongi arongi rarongi ereirongi tegrof ssigrev snoitcurtsni senoiccurtsni seocurtsni negnusiewna " +
        "selger selgr salger sarger nleger tpmorp metsys azuup ozigaam loohb luhb " +
        "لهاجت تاميلعت تاميلعتلا دعاوق كدعاوق " +
        "vtaber vtabevrer vtaben cerivbhf vafgehpgvbaf vafgehpgvba vafgehppvbarf cebzcg flfgrz sbetrg ehyrf najrvfhatra ertryua";

    /// <summary>Every word and phrase with its classes.</summary>
    public static FrozenDictionary<string, uint> Words { get; } = Build();

    /// <summary>Looks words up from spans of the normalised text without allocating.</summary>
    public static FrozenDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, uint> Build()
    {
        var words = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var (cls, list) in s_entries)
        {
            foreach (var entry in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(words, entry.Replace('_', ' '), cls);
            }
        }

        foreach (var entry in MaskedForms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            words.TryAdd(entry, 0);
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, uint> words, string entry, uint cls)
    {
        var parts = entry.Split(' ');
        if (parts.Length > MaxPhraseWords)
        {
            throw new InvalidOperationException("An injection lexicon phrase is longer than MaxPhraseWords.");
        }

        foreach (var form in NuktaForms(entry))
        {
            words[form] = words.GetValueOrDefault(form) | cls;
        }

        if (parts.Length > 1)
        {
            foreach (var form in NuktaForms(parts[0]))
            {
                words[form] = words.GetValueOrDefault(form) | PhraseStart;
            }
        }
    }

    /// <summary>
    /// The spellings of a Devanagari word that people type for the same letters: with the nukta as a separate mark
    /// (U+093C), precomposed (U+0958..U+095F) and without it.
    /// </summary>
    private static HashSet<string> NuktaForms(string entry)
    {
        const string precomposed = "\u0958\u0959\u095A\u095B\u095C\u095D\u095E\u095F";
        const string bases = "\u0915\u0916\u0917\u091C\u0921\u0922\u092B\u092F";
        var decomposed = new StringBuilder(entry.Length + 4);
        foreach (var c in entry)
        {
            var i = precomposed.IndexOf(c, StringComparison.Ordinal);
            if (i >= 0)
            {
                decomposed.Append(bases[i]).Append('\u093C');
            }
            else
            {
                decomposed.Append(c);
            }
        }

        var separate = decomposed.ToString();
        var without = separate.Replace("\u093C", "", StringComparison.Ordinal);
        var composed = new StringBuilder(separate.Length);
        for (var k = 0; k < separate.Length; k++)
        {
            var b = bases.IndexOf(separate[k], StringComparison.Ordinal);
            if (b >= 0 && k + 1 < separate.Length && separate[k + 1] == '\u093C')
            {
                composed.Append(precomposed[b]);
                k++;
            }
            else
            {
                composed.Append(separate[k]);
            }
        }

        return new HashSet<string>(StringComparer.Ordinal) { entry, separate, without, composed.ToString() };
    }
}
