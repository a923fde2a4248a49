using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sophia.Chatbot.Evidence;
using Sophia.Chatbot.Tests.Support;

namespace Sophia.Chatbot.Tests.Web;

public sealed class EvidenceApiTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sophia-evidence-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Evidence_CreateAddNoteAndFileExport_BundleVerifiesAndNothingLeaks()
    {
        await using var server = await StartAsync();
        var id = await CreateAsync(server);

        using var note = await server.Http.PostAsJsonAsync($"/api/evidence/{id}/notes", new { passphrase = Passphrase, text = "Tuesday 3 March: he broke the door." });
        using var file = await server.Http.PostAsJsonAsync($"/api/evidence/{id}/files", new { passphrase = Passphrase, fileName = "../photo.jpg", mediaType = "image/jpeg", contentBase64 = Convert.ToBase64String([1, 2, 3, 4, 5]) });
        var items = await (await server.Http.PostAsJsonAsync($"/api/evidence/{id}/items", new { passphrase = Passphrase })).Content.ReadFromJsonAsync<JsonElement>();
        using var export = await server.Http.PostAsJsonAsync($"/api/evidence/{id}/export", new { passphrase = Passphrase });
        var bundle = Path.Combine(_folder.FullName, "bundle.zip");
        await File.WriteAllBytesAsync(bundle, await export.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal("photo.jpg", items[1].GetProperty("fileName").GetString());
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        var verification = await EvidenceBundleVerifier.VerifyAsync(bundle);
        Assert.True(verification.IsValid, string.Join("; ", verification.Problems));
        Assert.Equal(2, verification.ItemCount);
        var safeFile = Assert.Single(Directory.GetFiles(Path.Combine(_folder.FullName, "safes")));
        Assert.DoesNotContain("broke the door", await File.ReadAllTextAsync(safeFile), StringComparison.Ordinal);
        Assert.DoesNotContain(Passphrase, server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("broke the door", server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_WrongPassphrase_Forbidden()
    {
        await using var server = await StartAsync();
        var id = await CreateAsync(server);

        using var response = await server.Http.PostAsJsonAsync($"/api/evidence/{id}/items", new { passphrase = "not the passphrase" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task Evidence_UnknownSafe_NotFound(string id)
    {
        await using var server = await StartAsync();

        using var response = await server.Http.PostAsJsonAsync($"/api/evidence/{id}/items", new { passphrase = Passphrase });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Evidence_ShortPassphrase_BadRequest()
    {
        await using var server = await StartAsync();

        using var response = await server.Http.PostAsJsonAsync("/api/evidence", new { passphrase = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<SophiaServer> StartAsync() =>
        SophiaServer.StartAsync(["--Sophia:EvidenceKdfIterations=1000", "--Sophia:EvidenceFolder=" + Path.Combine(_folder.FullName, "safes")]);

    private static async Task<string> CreateAsync(SophiaServer server)
    {
        using var response = await server.Http.PostAsJsonAsync("/api/evidence", new { passphrase = Passphrase });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("safeId").GetString()!;
    }
}
