using System.Text;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Review lesser point (stop 27): Apply checks every match before it writes.</summary>
public sealed class ApplyValidationTests
{
    [Fact]
    public void Apply_SecondMatchWithAnOverflowingLength_ThrowsArgumentExceptionAndWritesNothing()
    {
        var redactor = new PiiRedactor(new PiiDetector());
        var destination = new StringBuilder("kept:");
        PiiMatch[] matches = [new(PiiEntityType.Person, 0, 2, 0.9, "test"), new(PiiEntityType.Person, 5, int.MaxValue, 0.9, "test")];

        Assert.Throws<ArgumentException>(() => redactor.Apply("hello world", matches, null, destination));

        Assert.Equal("kept:", destination.ToString());
    }
}
