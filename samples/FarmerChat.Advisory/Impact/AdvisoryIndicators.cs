using FarmerChat.Advisory.Retrieval;
using Nonprofit.Impact;

namespace FarmerChat.Advisory.Impact;

/// <summary>
/// The sample's results framework: one output result (advice reached farmers) and one outcome result (farmers tried
/// the advice), with monthly periods. Dimensions hold only the language and the document topic: nothing personal.
/// </summary>
internal static class AdvisoryIndicators
{
    public const string FarmersReached = "farmers-reached";
    public const string QuestionsAnswered = "questions-answered";
    public const string AnswerRate = "answer-rate";
    public const string FollowUps = "follow-ups";
    public const string PracticesAdopted = "practices-adopted";

    public const string LanguageDimension = "language";
    public const string TopicDimension = "topic";

    /// <summary>The framework with one monthly period per month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ResultsFramework Framework(DateOnly from, DateOnly to)
    {
        var framework = new ResultsFramework { Name = "FarmerChat.Advisory" };
        var activity = new ActivityInfo
        {
            Identifier = "XM-FARMERCHAT-ADVISORY-1",
            ReportingOrg = new OrganisationInfo { Ref = "XM-FARMERCHAT", Type = "21", Name = "FarmerChat.Advisory sample" },
            Title = "Multilingual agricultural advice grounded in vetted content",
            Description = "Smallholder farmers ask questions in English, Swahili, Hindi or French and get answers from vetted advisory documents, with their sources.",
            DefaultLanguage = "en",
        };
        activity.ParticipatingOrgs.Add(new OrganisationInfo { Ref = "XM-FARMERCHAT", Type = "21", Role = "4", Name = "FarmerChat.Advisory sample" });
        activity.Dates.Add(new ActivityDate { Type = "2", Date = new DateOnly(from.Year, from.Month, 1) });
        framework.Activities.Add(activity);

        var reach = new Result { Type = ResultType.Output, Title = "Smallholder farmers get vetted advice in their language" };
        reach.Indicators.Add(Indicator(FarmersReached, "Farmers reached (anonymous profiles that asked at least one question)", IndicatorMeasure.Unit, "{person}", IndicatorAggregation.DistinctCount, LanguageDimension));
        reach.Indicators.Add(Indicator(QuestionsAnswered, "Questions answered from the knowledge base", IndicatorMeasure.Unit, "{question}", IndicatorAggregation.Sum, LanguageDimension, TopicDimension));
        reach.Indicators.Add(Indicator(AnswerRate, "Share of questions answered (the rest declined: off topic, or nothing relevant in the knowledge base)", IndicatorMeasure.Percentage, "%", IndicatorAggregation.Mean, LanguageDimension));
        reach.Indicators.Add(Indicator(FollowUps, "Suggested follow-up questions asked", IndicatorMeasure.Unit, "{question}", IndicatorAggregation.Sum, LanguageDimension));

        var adoption = new Result { Type = ResultType.Outcome, Title = "Farmers try the recommended practices" };
        var adopted = Indicator(PracticesAdopted, "Practices reported adopted (answers to \"did you try it?\")", IndicatorMeasure.Unit, "{practice}", IndicatorAggregation.Sum, TopicDimension);
        adopted.References.Add(CodeReference.Sdg("2.4.1"));
        adoption.Indicators.Add(adopted);

        framework.Results.Add(reach);
        framework.Results.Add(adoption);
        foreach (var indicator in framework.EnumerateIndicators())
        {
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                indicator.Periods.Add(new IndicatorPeriod { Start = month, End = month.AddMonths(1).AddDays(-1) });
            }
        }

        framework.EnsureValid();
        return framework;
    }

    private static IndicatorDefinition Indicator(string id, string name, IndicatorMeasure measure, string unit, IndicatorAggregation aggregation, params string[] dimensions)
    {
        var indicator = new IndicatorDefinition { Id = id, Name = name, Measure = measure, Unit = unit, Aggregation = aggregation, Direction = IndicatorDirection.Increase };
        foreach (var name2 in dimensions)
        {
            var dimension = new DimensionDefinition { Name = name2 };
            foreach (var value in name2 == LanguageDimension ? Languages.All : KnowledgeParser.Topics)
            {
                dimension.AllowedValues.Add(value);
            }

            indicator.Dimensions.Add(dimension);
        }

        return indicator;
    }
}
