using Microsoft.AspNetCore.Mvc;
using VolunteerApp.Models;

namespace VolunteerApp.Controllers;

[ApiController]
[Route("api/volunteers")]
public sealed class VolunteersController : ControllerBase
{
    private readonly ILogger<VolunteersController> _logger;
    private readonly Dictionary<Guid, Volunteer> _volunteers = new();

    public VolunteersController(ILogger<VolunteersController> logger) => _logger = logger;

    [HttpGet("{id:guid}")]
    public ActionResult<VolunteerSummary> Get(Guid id) =>
        _volunteers.TryGetValue(id, out var v) ? new VolunteerSummary(v.Id, v.HoursLogged, "general") : NotFound();

    [HttpGet("by-email/{email}")] // LEAK: NP1006
    public ActionResult<VolunteerSummary> FindByEmail(string email)
    {
        var match = _volunteers.Values.FirstOrDefault(v => v.Email == email);
        if (match is null)
        {
            _logger.LogInformation("No volunteer for {Email}", email); // LEAK: NP1001
            return NotFound();
        }

        return new VolunteerSummary(match.Id, match.HoursLogged, "general");
    }

    [HttpPost]
    public IActionResult Create(Volunteer volunteer)
    {
        _volunteers[volunteer.Id] = volunteer;
        _logger.LogInformation("Volunteer {Id} created", volunteer.Id);
        return CreatedAtAction(nameof(Get), new { id = volunteer.Id }, null);
    }
}
