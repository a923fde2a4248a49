using System;
using System.Collections.Generic;

namespace CaseApi.Services
{
    /// <summary>Appends who-did-what entries to the audit table.</summary>
    public class AuditTrail
    {
        private readonly List<string> _entries = new List<string>();

        public void Record(string action, string subject)
        {
            _entries.Add(DateTime.UtcNow.ToString("o") + " " + action + " " + subject);
        }
    }
}
