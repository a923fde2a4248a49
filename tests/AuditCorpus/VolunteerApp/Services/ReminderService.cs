using Microsoft.Extensions.Compliance.Redaction;
using VolunteerApp.Models;

namespace VolunteerApp.Services;

public sealed class ReminderService
{
    private readonly ILogger<ReminderService> _logger;
    private readonly Redactor _redactor;
    private readonly ISmsGateway _sms;

    public ReminderService(ILogger<ReminderService> logger, Redactor redactor, ISmsGateway sms)
    {
        _logger = logger;
        _redactor = redactor;
        _sms = sms;
    }

    public async Task RemindAsync(Volunteer volunteer, ShiftSlot shift)
    {
        if (string.IsNullOrWhiteSpace(volunteer.PhoneNumber))
        {
            throw new InvalidOperationException($"Volunteer {volunteer.Id} has no phone number.");
        }

        await _sms.SendAsync(volunteer.PhoneNumber, $"Your shift starts at {shift.Start:t}");
        _logger.LogInformation("Reminder sent to volunteer {VolunteerId} for shift {ShiftId}", volunteer.Id, shift.Id);
        _logger.LogInformation("Reminder sent to {Phone}", volunteer.PhoneNumber); // LEAK: NP1001
        _logger.LogDebug("Reminder sent to {Email}", _redactor.Redact(volunteer.Email));
        Console.WriteLine($"SMS queued for {volunteer.FirstName} {volunteer.LastName}"); // LEAK: NP1001
    }

    public void Verify(Volunteer volunteer)
    {
        if (!volunteer.IsEmailVerified)
        {
            var who = volunteer.FirstName + " " + volunteer.LastName;
            throw new InvalidOperationException("Unverified volunteer: " + who); // LEAK: NP1002
        }

        _logger.LogInformation("Template {TemplateId} verified={Verified}", volunteer.EmailTemplateId, volunteer.IsEmailVerified);
    }

    public void Welcome(string email)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        if (!email.Contains('@'))
        {
            throw new ArgumentException("Not an e-mail address.", nameof(email));
        }

        _logger.LogInformation("Welcome mail queued ({Length} characters)", email.Length);
        _logger.LogWarning("Welcome mail queued for " + email); // LEAK: NP1001
    }
}

public interface ISmsGateway
{
    Task SendAsync(string msisdn, string text);
}
