using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using CaseApi.Models;
using CaseApi.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace CaseApi.Controllers
{
    [Route("api/[controller]")]
    public class CasesController : Controller
    {
        private readonly ILogger<CasesController> _logger;
        private readonly AuditTrail _audit;
        private readonly Dictionary<int, Beneficiary> _cases = new Dictionary<int, Beneficiary>();

        public CasesController(ILogger<CasesController> logger, AuditTrail audit)
        {
            _logger = logger;
            _audit = audit;
        }

        [HttpGet("{caseId:int}")]
        public IActionResult Get(int caseId)
        {
            Beneficiary beneficiary;
            if (!_cases.TryGetValue(caseId, out beneficiary))
            {
                _logger.LogWarning("Case {CaseId} not found", caseId);
                return NotFound();
            }

            _audit.Record("viewed", caseId.ToString());
            _audit.Record("viewed", beneficiary.NhsNumber); // LEAK: NP1001
            return Content(JsonConvert.SerializeObject(beneficiary), "application/json"); // LEAK: NP1004*3
        }

        [HttpGet("nhs/{nhsNumber}")] // LEAK: NP1006
        public IActionResult FindByNhsNumber(string nhsNumber)
        {
            foreach (var beneficiary in _cases.Values)
            {
                if (beneficiary.NhsNumber == nhsNumber)
                {
                    return Ok(beneficiary.CaseId);
                }
            }

            throw new KeyNotFoundException("No beneficiary with NHS number " + nhsNumber); // LEAK: NP1002
        }

        [HttpPost]
        public IActionResult Open([FromBody] Beneficiary beneficiary, string caseRef)
        {
            if (_cases.ContainsKey(beneficiary.CaseId))
            {
                _logger.LogWarning("Duplicate insurance code {Code}", beneficiary.InsuranceCode); // LEAK: NP1001
                return Conflict();
            }

            _cases[beneficiary.CaseId] = beneficiary;
            _logger.LogInformation("Case opened under reference {CaseRef}", caseRef); // LEAK: NP1001
            _logger.LogInformation("Case {CaseId} opened on {Date}", beneficiary.CaseId, beneficiary.RegisteredOn);
            System.IO.File.AppendAllText(Path.Combine("exports", beneficiary.CaseId + ".log"), "opened");
            return Ok();
        }

        [HttpGet("network")]
        public IActionResult Network(AddressFamily addressFamily, string ipAddress)
        {
            _logger.LogInformation("Listening on {Family} {Ip}", addressFamily, ipAddress);
            return Ok();
        }
    }
}
