namespace VolunteerApp.Models;

public sealed class Volunteer
{
    public Guid Id { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Email { get; set; } = "";

    public string PhoneNumber { get; set; } = "";

    public int HoursLogged { get; set; }

    public bool IsEmailVerified { get; set; }

    public int EmailTemplateId { get; set; }
}

public sealed record VolunteerSummary(Guid Id, int HoursLogged, string Team);

public sealed record VolunteerContact(Guid Id, string Email, string PhoneNumber); // LEAK: NP1005*2

public sealed record ShiftSlot(Guid Id, DateTime Start, DateTime End, string PhoneticAlgorithm);
