using ChatbotBackend.Chat;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddChatClient(services => new EchoChatClient());
builder.Services.AddSingleton<ConversationService>();
builder.Services.AddSingleton<CallerDirectory>();

var app = builder.Build();

app.MapGet("/conversations/{conversationId:guid}", (Guid conversationId, ConversationService service) => service.Summary(conversationId));
app.MapGet("/callers/{phoneNumber}/conversations", (string phoneNumber, CallerDirectory callers) => callers.Find(phoneNumber)); // LEAK: NP1006
app.MapPost("/ask", async (AskRequest request, ConversationService service) => await service.AskAsync(request));

app.Run();

public sealed record AskRequest(Guid CallerId, string Question);
