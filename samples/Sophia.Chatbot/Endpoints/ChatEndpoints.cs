using System.Text.Json;
using Microsoft.Extensions.Options;
using Sophia.Chatbot.Chat;
using Sophia.Chatbot.Conversations;
using Sophia.Chatbot.Hosting;
using Sophia.Chatbot.Indicators;
using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Endpoints;

/// <summary>The body of a new conversation.</summary>
internal sealed record StartRequest(string? Language, string? Country);

/// <summary>The body of a message.</summary>
internal sealed record MessageRequest(string? Text, string? Language = null, string? Country = null);

/// <summary>
/// The chat API: start a conversation (the page keeps its id in a JS variable only), send a message (whole reply or
/// server-sent events), share the conversation with the counsellor, end it (quick exit). Requests and replies are
/// never logged.
/// </summary>
internal static class ChatEndpoints
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the endpoints under <c>/api</c>.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/config", (IOptions<SophiaOptions> options, SophiaModel model, SophiaKnowledgeBase knowledge) => Results.Ok(new
        {
            offline = model.IsOffline,
            quickExitUrl = options.Value.QuickExitUrl,
            languages = SophiaIndicators.Languages,
            countries = SophiaContent.Countries(knowledge),
        }));

        api.MapPost("/conversations", (StartRequest? request, ConversationStore store, SophiaIndicators indicators) =>
        {
            var language = Language(request?.Language) ?? "en";
            if (store.Start(language, Country(request?.Country)) is not { } conversation)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            indicators.ConversationStarted(language);
            return Results.Ok(new { id = conversation.Id });
        });

        api.MapPost("/conversations/{id}/messages", async (string id, MessageRequest? request, ConversationStore store, ChatTurns turns, IOptions<SophiaOptions> options, CancellationToken cancellationToken) =>
        {
            if (Check(id, request, store, options.Value) is { } problem)
            {
                return problem;
            }

            var turn = await turns.SendAsync(Update(store.Find(id)!, request!), request!.Text!, cancellationToken);
            return Results.Ok(new { reply = turn.Reply, turn.Summary.Escalated, turn.Summary.Helplines, turn.Summary.Language, turn.Summary.Offline });
        });

        api.MapPost("/conversations/{id}/stream", async (HttpContext context, string id, MessageRequest? request, ConversationStore store, ChatTurns turns, IOptions<SophiaOptions> options) =>
        {
            if (Check(id, request, store, options.Value) is { } problem)
            {
                await problem.ExecuteAsync(context);
                return;
            }

            var cancellationToken = context.RequestAborted;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            await foreach (var (text, summary) in turns.StreamAsync(Update(store.Find(id)!, request!), request!.Text!, cancellationToken))
            {
                var data = text is not null
                    ? JsonSerializer.Serialize(new { type = "delta", text }, s_json)
                    : JsonSerializer.Serialize(new { type = "done", summary!.Escalated, summary.Helplines, summary.Language, summary.Offline }, s_json);
                await context.Response.WriteAsync("data: " + data + "\n\n", cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        });

        api.MapPost("/conversations/{id}/share", (string id, ConversationStore store, HandoverQueue handover) =>
        {
            if (store.Find(id) is not { } conversation)
            {
                return Results.NotFound();
            }

            var transcript = conversation.Snapshot().Select(m => m.Role.Value + ": " + m.Text).ToList();
            return handover.Share(id, transcript) ? Results.NoContent() : Results.NotFound();
        });

        api.MapPost("/conversations/{id}/end", (HttpContext context, string id, ConversationStore store) => End(context, id, store));
        api.MapDelete("/conversations/{id}", (HttpContext context, string id, ConversationStore store) => End(context, id, store));
    }

    private static string? Language(string? language) => language is not null && SophiaIndicators.Languages.Contains(language) ? language : null;

    private static string? Country(string? country) => country is { Length: 2 } c && c.All(char.IsAsciiLetter) ? c.ToUpperInvariant() : null;

    /// <summary>The pickers may change during a conversation: the next turn uses the new language and country.</summary>
    private static Conversation Update(Conversation conversation, MessageRequest request)
    {
        conversation.Language = Language(request.Language) ?? conversation.Language;
        if (request.Country is not null)
        {
            conversation.Country = Country(request.Country);
        }

        return conversation;
    }

    private static IResult End(HttpContext context, string id, ConversationStore store)
    {
        store.End(id);
        context.Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return Results.NoContent();
    }

    private static IResult? Check(string id, MessageRequest? request, ConversationStore store, SophiaOptions options)
    {
        if (store.Find(id) is null)
        {
            return Results.NotFound();
        }

        return string.IsNullOrWhiteSpace(request?.Text) || request.Text.Length > options.MaxMessageLength
            ? Results.BadRequest(new { error = $"A message must have 1 to {options.MaxMessageLength} characters." })
            : null;
    }
}
