using System.Text.Json;
using VolunteerApp.Models;

namespace VolunteerApp.Services;

public sealed class ExportService
{
    private readonly string _folder;

    public ExportService(string folder) => _folder = folder;

    public string ToJson(IEnumerable<Volunteer> volunteers) =>
        JsonSerializer.Serialize(volunteers.Select(v => new VolunteerExport { Id = v.Id, HoursLogged = v.HoursLogged, Email = v.Email }).ToList());

    public string Backup(List<Volunteer> volunteers) => JsonSerializer.Serialize(volunteers); // LEAK: NP1004*4

    public void WriteCertificate(Volunteer volunteer, byte[] pdf)
    {
        File.WriteAllBytes(Path.Combine(_folder, $"{volunteer.Id}.pdf"), pdf);
        File.WriteAllBytes(Path.Combine(_folder, volunteer.LastName + "-certificate.pdf"), pdf); // LEAK: NP1006
    }

    public string Summary(VolunteerSummary summary) => JsonSerializer.Serialize(summary);
}
