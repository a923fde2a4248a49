using System.Text.Json.Serialization;

namespace VolunteerApp.Models;

/// <summary>What the coordinators' spreadsheet gets: no contact details.</summary>
public sealed class VolunteerExport
{
    public Guid Id { get; set; }

    public int HoursLogged { get; set; }

    [JsonIgnore]
    public string Email { get; set; } = "";
}
