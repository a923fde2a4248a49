using Microsoft.Extensions.Options;
using Sophia.Chatbot.Chat;
using Sophia.Chatbot.Conversations;
using Sophia.Chatbot.Evidence;
using Sophia.Chatbot.Hosting;
using Sophia.Chatbot.Indicators;

namespace Sophia.Chatbot.Demo;

/// <summary>
/// <c>--demo</c>: plays a scripted multilingual conversation through the same guarded pipeline as the web app (offline
/// responder unless a real model is configured), including a crisis message that escalates to the hand-over queue,
/// an evidence safe round trip and the anonymous indicators; exits 0 when every step did what it should.
/// </summary>
internal static class SophiaDemo
{
    /// <summary>The script: language, country, message, whether it must escalate.</summary>
    internal static readonly (string Language, string Country, string Text, bool Crisis)[] Script =
    [
        ("en", "GB", "Hello", false),
        ("en", "GB", "How can I get a protection order?", false),
        ("fr", "FR", "Comment porter plainte à la police ?", false),
        ("es", "ES", "¿Dónde hay una casa de acogida cerca?", false),
        ("pt", "BR", "Como faço para guardar provas?", false),
        ("sw", "KE", "Nitapataje msaada wa kisheria?", false),
        ("en", "GB", "He said he will kill me tonight, I am so scared", true),
    ];

    /// <summary>Plays the script to <paramref name="output"/>; 0 when every turn answered and the crisis escalated, else 1.</summary>
    public static async Task<int> RunAsync(TextWriter output, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var app = SophiaApp.Build([.. args, "--Logging:LogLevel:Default=Error"]);
        var services = app.Services;
        var store = services.GetRequiredService<ConversationStore>();
        var turns = services.GetRequiredService<ChatTurns>();
        var handover = services.GetRequiredService<HandoverQueue>();
        var model = services.GetRequiredService<SophiaModel>();
        await output.WriteLineAsync($"Sophia demo ({model}): a scripted conversation through the guards; nothing is written to disk.");
        var ok = true;
        foreach (var (language, country, text, crisis) in Script)
        {
            var conversation = store.Start(language, country)!;
            services.GetRequiredService<SophiaIndicators>().ConversationStarted(language);
            var turn = await turns.SendAsync(conversation, text, cancellationToken);
            await output.WriteLineAsync($"[{language} · {country}] user:   {text}");
            await output.WriteLineAsync($"             sophia: {Shorten(turn.Reply)}");
            if (turn.Summary.Escalated)
            {
                var ticket = handover.Find(conversation.Id)!;
                await output.WriteLineAsync($"             → handed over: conversation {ticket.ConversationId[..8]}…, {string.Join(", ", ticket.Categories)}, language {ticket.Language} (no text)");
                foreach (var helpline in turn.Summary.Helplines)
                {
                    await output.WriteLineAsync($"             → helpline: {helpline.Name}{(helpline.Phone is null ? "" : " · " + helpline.Phone)}");
                }
            }

            ok &= !string.IsNullOrWhiteSpace(turn.Reply) && turn.Summary.Escalated == crisis;
            store.End(conversation.Id);
        }

        ok &= await EvidenceAsync(output, services.GetRequiredService<IOptions<SophiaOptions>>().Value, cancellationToken);
        var indicators = services.GetRequiredService<SophiaIndicators>();
        await output.WriteLineAsync(
            $"Indicators (anonymous): {indicators.Total(SophiaIndicators.Conversations)} conversations, " +
            $"{indicators.Total(SophiaIndicators.Escalations)} escalation(s), {indicators.Total(SophiaIndicators.Referrals)} referral(s); open conversations now: {store.Count}.");
        await output.WriteLineAsync(ok ? "Demo finished: every step as expected." : "Demo finished with an unexpected result.");
        return ok ? 0 : 1;
    }

    private static async Task<bool> EvidenceAsync(TextWriter output, SophiaOptions options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("sophia-demo-");
        try
        {
            var path = Path.Combine(folder.FullName, "demo.safe");
            var passphrase = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
            using (var safe = await EvidenceSafe.CreateAsync(path, passphrase, new EvidenceSafeOptions { Iterations = options.EvidenceKdfIterations }, cancellationToken: cancellationToken))
            {
                await safe.AddNoteAsync("Demo note: what happened, when and where.", cancellationToken);
                await safe.ExportBundleAsync(Path.Combine(folder.FullName, "bundle.zip"), cancellationToken);
            }

            var verification = await EvidenceBundleVerifier.VerifyAsync(Path.Combine(folder.FullName, "bundle.zip"), cancellationToken: cancellationToken);
            await output.WriteLineAsync($"Evidence safe: 1 note added (AES-GCM, PBKDF2 {options.EvidenceKdfIterations:N0} iterations), bundle for a lawyer {(verification.IsValid ? "verifies" : "FAILS")} ({verification.ItemCount} item).");
            return verification.IsValid;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
