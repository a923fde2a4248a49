using Nonprofit.Analyzers.Core;

namespace Nonprofit.Analyzers.Tests.Core;

public sealed class PersonalDataNamesTests
{
    [Theory]
    [InlineData("email")]
    [InlineData("Email")]
    [InlineData("recipientEmail")]
    [InlineData("emailAddress")]
    [InlineData("EMAIL_ADDRESS")]
    [InlineData("emails")]
    [InlineData("phoneNumber")]
    [InlineData("msisdn")]
    [InlineData("MobileNumber")]
    [InlineData("homeAddress")]
    [InlineData("postcode")]
    [InlineData("dateOfBirth")]
    [InlineData("dob")]
    [InlineData("nationalId")]
    [InlineData("SSN")]
    [InlineData("nhsNumber")]
    [InlineData("passportNumber")]
    [InlineData("iban")]
    [InlineData("latitude")]
    [InlineData("gpsCoordinates")]
    [InlineData("firstName")]
    [InlineData("Surname")]
    [InlineData("courriel")]
    [InlineData("telefono")]
    [InlineData("fechaNacimiento")]
    [InlineData("téléphone")]
    [InlineData("dateDeNaissance")]
    public void IsPersonal_PersonalNames_True(string name) => Assert.True(PersonalDataNames.Default.IsPersonal(name), name);

    [Theory]
    [InlineData("EmailTemplateId")]
    [InlineData("PhoneticAlgorithm")]
    [InlineData("AddressFamily")]
    [InlineData("ipAddress")]
    [InlineData("BaseAddress")]
    [InlineData("isEmailVerified")]
    [InlineData("emailCount")]
    [InlineData("MaxPhoneLength")]
    [InlineData("caseId")]
    [InlineData("name")]
    [InlineData("telemetry")]
    [InlineData("latency")]
    public void IsPersonal_NonPersonalNames_False(string name) => Assert.False(PersonalDataNames.Default.IsPersonal(name), name);

    [Fact]
    public void Create_ExtraAndExcludedNames_Apply()
    {
        var names = PersonalDataNames.Create("beneficiaryCode, caseRef", "ReturnAddress");

        Assert.True(names.IsPersonal("beneficiaryCode"));
        Assert.True(names.IsPersonal("BeneficiaryCodes"));
        Assert.True(names.IsPersonal("caseRef"));
        Assert.False(names.IsPersonal("ReturnAddress"));
        Assert.True(names.IsPersonal("email"));
    }
}
