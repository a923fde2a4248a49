using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Impact;
using FarmerChat.Advisory.Profiles;
using FarmerChat.Advisory.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace FarmerChat.Advisory.Tests;

/// <summary>An advisor over the shipped knowledge base with profiles in a temporary folder (deleted on dispose).</summary>
internal sealed class TestAdvisor : IDisposable
{
    public TestAdvisor(IChatClient? model = null)
    {
        Folder = Directory.CreateTempSubdirectory("farmerchat-test-").FullName;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var index = new AdvisoryIndex(KnowledgeBase.Load(KnowledgeBase.DefaultFolder));
        Advisor = new Advisor(index, model ?? new OfflineAdvisoryChatClient(), new ProfileStore(Folder, index.Knowledge), new AdvisoryImpact(Time), Time);
    }

    public string Folder { get; }

    public FakeTimeProvider Time { get; }

    public Advisor Advisor { get; }

    public void Dispose()
    {
        Advisor.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
