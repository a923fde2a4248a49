using System;
using Microsoft.AspNetCore.Identity;
using Newtonsoft.Json;

namespace CaseApi.Models
{
    public class Beneficiary
    {
        public int CaseId { get; set; }

        [PersonalData]
        public string InsuranceCode { get; set; }

        public string Surname { get; set; }

        public string NhsNumber { get; set; }

        [JsonIgnore]
        public string Phone { get; set; }

        public DateTime RegisteredOn { get; set; }

        public override string ToString()
        {
            return string.Format("Beneficiary {0} ({1})", CaseId, Surname); // LEAK: NP1005
        }
    }

    public class CaseNote
    {
        public int CaseId { get; set; }

        public string Category { get; set; }

        public DateTime WrittenOn { get; set; }

        public override string ToString() => "Note on case " + CaseId + " (" + Category + ")";
    }
}
