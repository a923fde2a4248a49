namespace Nonprofit.AI.Guards.Tests.Scope;

/// <summary>Session 26, review finding 4: a topic with a description and <c>Examples = null</c> (from config binding).</summary>
public sealed class ScopeOptionNullExamplesTests
{
    [Fact]
    public void Classifier_TopicExamplesNull_ThrowsTheValidationMessage()
    {
        var options = new ScopeOptions { Topics = [new ScopeTopic { Name = "food", Description = "food parcels and meals", Examples = null! }] };

        var error = Assert.Throws<ArgumentException>(() => new SimilarityScopeClassifier(options));
        Assert.Contains("Examples must not be null", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("parcels", error.Message, StringComparison.Ordinal);
    }
}
