using Nonprofit.AI.Guards;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// Trains the output-safety hate model (embedded as src/Nonprofit.AI.Guards/Models/output-hate.nplt) on the TRAIN half
/// of Multilingual HateCheck (hash of mhc_case_id) and the TRAIN templates of our English cases. Deterministic: the
/// same data gives a byte-identical file.
/// <code>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- guards-output-train [--data FILE] [--out FILE] [--seed S] [weights as --validate, for candidate files]</code>
/// </summary>
internal static class OutputSafetyTraining
{
    public const string DefaultOut = "src/Nonprofit.AI.Guards/Models/" + HateSpeechModel.FileName;

    /// <summary>Non-hateful cases that a support bot must let through weigh more, to bias the model towards allowing them.</summary>
    private const float AllowWeight = 3f;

    /// <summary>The weight of a benign in-domain reply (<see cref="OutputHateBenignReplies"/>).</summary>
    private const float ReplyWeight = 3f;

    /// <summary>Our English cases are few (the benign replies are not: they weigh <see cref="ReplyWeight"/> in every language) (a few hundred against 18,000 MHC cases): each weighs more.</summary>
    private const float EnglishWeight = 4f;

    /// <summary>
    /// The weight of our own multilingual HateCheck-style cases (<see cref="OutputHateMultilingualCases"/>); 0 leaves
    /// them out. 1 since session 26 (its candidate S3, OutputHateSelection.md; sessions 21-25 had them at 0: no candidate
    /// with them met its rule, session 25's G5/G6 blocked a benign unit-test reply); <c>--validate --ml-weight W</c> tries others.
    /// </summary>
    private const float MultilingualWeight = 1f;

    /// <summary>
    /// The extra weight of a non-hateful multilingual case (<see cref="AllowWeight"/> for the other own cases): each
    /// hateful word of those templates also appears in one or two negated or counter-speech templates, so up-weighting
    /// those would teach that the hateful word itself is benign.
    /// </summary>
    private const float MultilingualAllowWeight = 1f;

    /// <summary>
    /// The weight of our lexical slot cases (<see cref="OutputHateMultilingualCases.SlotCases"/>); 0 leaves them out
    /// (0.5 since session 26's S3, as in session 25's G5/G6); <c>--validate --slot-weight W</c> tries others.
    /// </summary>
    private const float SlotWeight = 0.5f;

    /// <summary>
    /// The weight of MHC's positive and neutral identity mentions (<c>ident_pos_nh</c>, <c>ident_neutral_nh</c>); 1 as
    /// before session 24; <c>--validate --ident-allow-weight W</c> tries others.
    /// </summary>
    private const float IdentityAllowWeight = 1f;

    /// <summary>
    /// The weight of our own group sentences (<see cref="OutputHateGroupSentences"/>, session 25), hateful and not alike
    /// (no allow multiplier, no English multiplier); 0 leaves them out. 2 since session 26's S3 (OutputHateSelection.md;
    /// session 25's G5/G6 with weight 2 blocked a benign unit-test reply). <c>--group-weight W</c> tries others.
    /// </summary>
    private const float GroupWeight = 2f;

    /// <summary>
    /// The weight of our own "you, as a member of a group" and "a service for a group" sentences
    /// (<see cref="OutputHateServiceSentences"/>, session 26), hateful and not alike (no allow or English multiplier);
    /// 0 leaves them out; 2 since session 26's S3 (OutputHateSelection.md). <c>--service-weight W</c> tries others.
    /// </summary>
    private const float ServiceWeight = 2f;

    /// <summary>
    /// The weight of our own short headings and conditional openings that name a group (<see cref="OutputHateHeadingSentences"/>,
    /// session 26's mend: "If you are a refugee", "For disabled women:"), hateful and not alike; 0 leaves them out
    /// (OutputHateSelection.md, "Session 26 mend"). <c>--heading-weight W</c> tries others.
    /// </summary>
    private const float HeadingWeight = 0f;

    /// <summary>
    /// The weight of our own short heading and label fragments that name a group neutrally (<see cref="OutputHateFragmentSentences"/>,
    /// session 27: "If you are a widow", "Support for trans people"), hateful and not alike; 0 leaves them out
    /// (OutputHateSelection.md, "Session 27"). <c>--fragment-weight W</c> tries others.
    /// </summary>
    private const float FragmentWeight = 0f;

    /// <summary>
    /// A multiplier on the weight of session 21's romanised Hindi templates and slot cases (1 = as the other languages';
    /// 0 leaves them out). <c>--ml-hilatn-weight M</c> tries others: with the identity placeholder, the hateful template
    /// "{O} par kabhi bharosa nahi ..." made "par kabhi" hateful (session 25). 0 since session 26's S3 (OutputHateSelection.md):
    /// the romanised Hindi templates and slots stay in the repository, out of the model. Session 27 rewrote that template
    /// ("{G} bharose ke laayak nahi hain ..."); at 1 the helpline reply no longer rises, but MHC validation does not gain.
    /// </summary>
    private const float MultilingualHiLatnWeight = 0f;

    /// <summary>The initial learning rate of session 28's network class (<c>--hidden H</c>; <c>--net-lr</c> tries others).</summary>
    private const float NetworkLearningRate = 0.5f;

    /// <summary>The epochs of session 28's network class (<c>--net-epochs</c> tries others).</summary>
    private const int NetworkEpochs = 10;

    public static readonly TrainerOptions Options = new(Epochs: 20, LearningRate: 1f, L2: 1e-6f, Seed: 17, BalanceClasses: true);

    public static int Run(string[] args)
    {
        var data = Arg(args, "--data") ?? OutputHateData.FindShared(OutputHateData.DefaultPath);
        var output = Arg(args, "--out") ?? DefaultOut;
        var mhc = OutputHateData.LoadMhc(data);
        if (args.Contains("--validate"))
        {
            return Validate(mhc, args);
        }

        var own = OwnTrain(mhc).ToList();
        var weights = HateWeights.From(args);

        // --seed (session 29): the full-TRAIN file of another seed (the SGD order; the network's initial weights), so a
        // condition on the file can be measured over seeds; 17, the default, writes the shipped bytes.
        var options = Arg(args, "--seed") is { } seed ? Options with { Seed = int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) } : Options;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        if (weights.Hidden > 0)
        {
            // Session 28's network class (--hidden H): the same examples and weights, another model.
            var network = TrainNetwork(mhc.Where(c => OutputHateData.IsTrainByHash(c.Id)), own, HateSpeechModel.CreateFeaturizer(), options, weights);
            if (weights.Calibrate)
            {
                // Session 29: the full-TRAIN model has no held-out part of its own, so the calibration is the one fitted on
                // the same seed's validation split (trained on three quarters of TRAIN's templates, fitted on the fourth).
                var train = mhc.Where(c => OutputHateData.IsTrainByHash(c.Id)).ToList();
                CalibratedScorer(train.Where(c => !IsValidation(c)), own.Where(c => !IsValidation(c)), train.Where(IsValidation).Concat(own.Where(IsValidation)), HateSpeechModel.CreateFeaturizer(), options, weights, out var fitted);
                network = network.WithCalibration(fitted.CalibrationScale, fitted.CalibrationBias);
                Console.WriteLine($"train.calibration: scale={network.CalibrationScale.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} bias={network.CalibrationBias.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} (fitted on seed {options.Seed}'s validation split)");
            }

            using var file = File.Create(output);
            network.Save(file);
        }
        else
        {
            var model = Train(mhc.Where(c => OutputHateData.IsTrainByHash(c.Id)), own, HateSpeechModel.CreateFeaturizer(), options, weights);
            using var file = File.Create(output);
            model.Save(file);
        }

        Console.WriteLine($"train.seed={options.Seed}");
        Console.WriteLine($"train.weights={weights}");
        Console.WriteLine($"train.examples={mhc.Count(c => OutputHateData.IsTrainByHash(c.Id)) + own.Count(weights.Includes)}");
        foreach (var group in OutputHateBenignReplies.All().GroupBy(c => c.Language))
        {
            Console.WriteLine($"train.benign_replies.{group.Key}={group.Count()}");
        }

        // Our multilingual cases after the MHC dedupe, with the weight they train with (0 = in the repository, not trained on).
        foreach (var group in own.Where(c => IsMultilingual(c.Functionality)).GroupBy(c => (c.Language, c.Functionality)))
        {
            Console.WriteLine($"own.{group.Key.Language}.{group.Key.Functionality}={group.Count()} (weight {(IsSlot(group.Key.Functionality) ? weights.Slot : weights.Multilingual)})");
        }

        foreach (var group in own.Where(c => OutputHateGroupSentences.Is(c.Functionality)).GroupBy(c => (c.Language, c.Functionality)))
        {
            Console.WriteLine($"own.{group.Key.Language}.{group.Key.Functionality}={group.Count()} (weight {weights.Group})");
        }

        foreach (var group in own.Where(c => OutputHateServiceSentences.Is(c.Functionality)).GroupBy(c => (c.Language, c.Functionality)))
        {
            Console.WriteLine($"own.{group.Key.Language}.{group.Key.Functionality}={group.Count()} (weight {weights.Service})");
        }

        foreach (var group in own.Where(c => OutputHateHeadingSentences.Is(c.Functionality)).GroupBy(c => (c.Language, c.Functionality)))
        {
            Console.WriteLine($"own.{group.Key.Language}.{group.Key.Functionality}={group.Count()} (weight {weights.Heading})");
        }

        foreach (var group in own.Where(c => OutputHateFragmentSentences.Is(c.Functionality)).GroupBy(c => (c.Language, c.Functionality)))
        {
            Console.WriteLine($"own.{group.Key.Language}.{group.Key.Functionality}={group.Count()} (weight {weights.Fragment})");
        }

        foreach (var group in own.Where(c => OutputHateReachSentences.Is(c.Functionality)).GroupBy(c => (c.Language, c.Functionality)))
        {
            Console.WriteLine($"own.{group.Key.Language}.{group.Key.Functionality}={group.Count()} (weight {weights.Reach})");
        }

        foreach (var group in own.Where(c => OutputHateDescribeSentences.Is(c.Functionality)).GroupBy(c => (c.Language, c.Functionality)))
        {
            Console.WriteLine($"own.{group.Key.Language}.{group.Key.Functionality}={group.Count()} (weight {weights.Describe})");
        }

        foreach (var group in own.Where(c => OutputHateFamilySentences.Is(c.Functionality)).GroupBy(c => (c.Language, c.Functionality)))
        {
            Console.WriteLine($"own.{group.Key.Language}.{group.Key.Functionality}={group.Count()} (weight {weights.Family})");
        }

        Console.WriteLine($"model.bytes={new FileInfo(output).Length}");
        Console.WriteLine($"model.path={output}");
        return 0;
    }

    /// <summary>
    /// Our own training cases: the TRAIN templates of the English cases, every benign in-domain reply
    /// (<see cref="OutputHateBenignReplies"/>) and the multilingual HateCheck-style cases
    /// (<see cref="OutputHateMultilingualCases"/>; none is in any TEST side). A case whose normalised text equals the
    /// text of any MHC case is dropped, so no MHC TEST sentence is trained on even when we wrote the same words.
    /// </summary>
    public static IEnumerable<HateCase> OwnTrain(IEnumerable<HateCase> mhc)
    {
        var mhcTexts = mhc.Select(c => GuardText.Normalize(c.Text)).ToHashSet(StringComparer.Ordinal);
        return OutputHateEnglishCases.All().Where(e => e.Train).Select(e => e.Case)
            .Concat(OutputHateBenignReplies.All())
            .Concat(OutputHateMultilingualCases.All())
            .Concat(OutputHateMultilingualCases.SlotCases())
            .Concat(OutputHateGroupSentences.All())
            .Concat(OutputHateServiceSentences.All())
            .Concat(OutputHateHeadingSentences.All())
            .Concat(OutputHateFragmentSentences.All())
            .Concat(OutputHateReachSentences.All())
            .Concat(OutputHateDescribeSentences.All())
            .Concat(OutputHateFamilySentences.All())
            .Where(c => !mhcTexts.Contains(GuardText.Normalize(c.Text)));
    }

    /// <summary>Our own multilingual cases (<see cref="OutputHateMultilingualCases"/>).</summary>
    internal static bool IsMultilingual(string functionality) =>
        functionality is OutputHateMultilingualCases.HatefulFunctionality or OutputHateMultilingualCases.NonHatefulFunctionality or OutputHateMultilingualCases.SupportFunctionality || IsSlot(functionality);

    /// <summary>Our lexical slot cases (<see cref="OutputHateMultilingualCases.SlotCases"/>).</summary>
    internal static bool IsSlot(string functionality) =>
        functionality is OutputHateMultilingualCases.SlotHatefulFunctionality or OutputHateMultilingualCases.SlotNonHatefulFunctionality;

    /// <summary>Trains on the given cases (the split is the caller's) with the shipped weights.</summary>
    public static LinearTextModel Train(IEnumerable<HateCase> mhcTrain, IEnumerable<HateCase> ownTrain) =>
        Train(mhcTrain, ownTrain, HateWeights.Shipped);

    /// <summary>Trains on the given cases with the shipped features and options and the given configuration.</summary>
    public static LinearTextModel Train(IEnumerable<HateCase> mhcTrain, IEnumerable<HateCase> ownTrain, HateWeights weights) =>
        Train(mhcTrain, ownTrain, HateSpeechModel.CreateFeaturizer(), Options, weights);

    private static LinearTextModel Train(IEnumerable<HateCase> mhcTrain, IEnumerable<HateCase> ownTrain, TextFeaturizer featurizer, TrainerOptions options, HateWeights w) =>
        LinearTextModelTrainer.Train(Examples(mhcTrain, ownTrain, w), [HateSpeechModel.NonHatefulLabel, HateSpeechModel.HatefulLabel], featurizer, options);

    /// <summary>Trains session 28's network class (<see cref="HateWeights.Hidden"/> &gt; 0) on the same examples as the linear model; the seed is the options'.</summary>
    private static HashedFeatureNetwork TrainNetwork(IEnumerable<HateCase> mhcTrain, IEnumerable<HateCase> ownTrain, TextFeaturizer featurizer, TrainerOptions options, HateWeights w) =>
        OutputHateNetworkTrainer.Train(Examples(mhcTrain, ownTrain, w), featurizer, new NetworkOptions(w.Hidden, w.NetEpochs, w.NetLearningRate, options.L2, options.Seed));

    /// <summary>A scorer of the configuration's class (linear, or the network with --hidden), trained on the given cases with the shipped features and options.</summary>
    public static HateSpeechModel TrainScorer(IEnumerable<HateCase> mhcTrain, IEnumerable<HateCase> ownTrain, HateWeights weights) =>
        TrainScorer(mhcTrain, ownTrain, HateSpeechModel.CreateFeaturizer(), Options, weights);

    /// <summary>
    /// Session 29's calibrated network (<c>--calibrate</c>): trains the network on the given cases, scores the held-out
    /// cases, fits Platt scaling on them (<see cref="OutputHateNetworkTrainer.FitPlatt"/>; each case weighted as in
    /// training, its source weight times the balance of the held-out classes, so the balanced prior the network was
    /// trained for is kept; cases the configuration leaves out and texts without features are not fitted on) and
    /// returns the scorer of the calibrated network. <see cref="HateWeights.CalibrationWeights"/> (<c>--calibrate-weights</c>,
    /// probes after round 3's decision) fits instead with the class balance alone ("balanced") or on the MHC cases alone
    /// with the class balance ("mhc"), or unweighted, every held-out case counting once ("plain").
    /// </summary>
    private static HateSpeechModel CalibratedScorer(IEnumerable<HateCase> mhcTrain, IEnumerable<HateCase> ownTrain, IEnumerable<HateCase> heldOut, TextFeaturizer featurizer, TrainerOptions options, HateWeights w, out HashedFeatureNetwork network)
    {
        if (w.CalibrationWeights is not ("training" or "balanced" or "mhc" or "plain"))
        {
            throw new ArgumentException($"--calibrate-weights is training, balanced, mhc or plain, not '{w.CalibrationWeights}'.", nameof(w));
        }

        var raw = TrainNetwork(mhcTrain, ownTrain, featurizer, options, w);
        var scorer = new HateSpeechModel(raw, w.Transliterate, w.Identities);
        var scored = heldOut.Where(w.Includes).Where(c => w.CalibrationWeights != "mhc" || IsMhc(c)).Select(c => (Case: c, Score: scorer.Score(c.Text))).Where(v => v.Score > 0).ToList();
        var positives = scored.Count(v => v.Case.Hateful);
        var balance = w.CalibrationWeights == "plain" ? [1.0, 1.0] : new[] { scored.Count / (2.0 * Math.Max(1, scored.Count - positives)), scored.Count / (2.0 * Math.Max(1, positives)) };
        var (scale, bias) = OutputHateNetworkTrainer.FitPlatt([.. scored.Select(v => (v.Score, v.Case.Hateful ? 1 : 0, (w.CalibrationWeights == "training" ? w.Of(v.Case) : 1) * balance[v.Case.Hateful ? 1 : 0]))]);
        network = raw.WithCalibration(scale, bias);
        return new HateSpeechModel(network, w.Transliterate, w.Identities);
    }

    private static HateSpeechModel TrainScorer(IEnumerable<HateCase> mhcTrain, IEnumerable<HateCase> ownTrain, TextFeaturizer featurizer, TrainerOptions options, HateWeights weights) =>
        weights.Hidden > 0
            ? new HateSpeechModel(TrainNetwork(mhcTrain, ownTrain, featurizer, options, weights), weights.Transliterate, weights.Identities)
            : weights.Scorer(Train(mhcTrain, ownTrain, featurizer, options, weights));

    private static List<TrainingExample> Examples(IEnumerable<HateCase> mhcTrain, IEnumerable<HateCase> ownTrain, HateWeights w) =>
        // With transliteration, the text goes through the same DevanagariTransliteration as HateSpeechModel's scoring;
        // with identity abstraction, through the same HateSpeechIdentities (the trainer's normalisation then keeps it as is).
        mhcTrain.Concat(ownTrain)
            .Where(w.Includes)
            .Select(c => new TrainingExample(w.Prepare(c.Text), c.Hateful ? 1 : 0, w.Of(c)))
            .ToList();

    /// <summary>The example weights of one training configuration (<c>--allow-weight --en-weight --reply-weight --ml-weight --ml-allow-weight --slot-weight --translit --identities --ident-allow-weight --group-weight --service-weight --ml-hilatn-weight --heading-weight --fragment-weight --reach-weight --hidden --net-lr --net-epochs --calibrate --describe-weight --calibrate-weights --family-weight</c>; defaults: the shipped model's; Hidden 0 = the linear class).</summary>
    internal sealed record HateWeights(float Allow, float English, float Reply, float Multilingual, float MultilingualAllow, float Slot, bool Transliterate, bool Identities = false, float IdentityAllow = IdentityAllowWeight, float Group = GroupWeight, float Service = ServiceWeight, float MultilingualHiLatn = MultilingualHiLatnWeight, float Heading = HeadingWeight, float Fragment = FragmentWeight, int Hidden = 0, float NetLearningRate = NetworkLearningRate, int NetEpochs = NetworkEpochs, float Reach = 0f, bool Calibrate = false, float Describe = 0f, string CalibrationWeights = "training", float Family = 0f)
    {
        public static readonly HateWeights Shipped = new(AllowWeight, EnglishWeight, ReplyWeight, MultilingualWeight, MultilingualAllowWeight, SlotWeight, HateSpeechModel.EmbeddedTransliteratesDevanagari, HateSpeechModel.EmbeddedAbstractsIdentities, IdentityAllowWeight, GroupWeight, ServiceWeight, MultilingualHiLatnWeight, HeadingWeight, FragmentWeight);

        /// <summary>The text as the model of this configuration sees it (transliterated, group mentions abstracted).</summary>
        public string Prepare(string text)
        {
            text = Transliterate ? DevanagariTransliteration.Transliterate(text) : text;
            return Identities ? HateSpeechIdentities.Abstract(text) : text;
        }

        /// <summary>A scorer for a model trained with this configuration.</summary>
        public HateSpeechModel Scorer(LinearTextModel model) => new(model, Transliterate, Identities);

        public static HateWeights From(string[] args)
        {
            float F(string name, float value) => Arg(args, name) is { } v ? float.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : value;
            return new(F("--allow-weight", Shipped.Allow), F("--en-weight", Shipped.English), F("--reply-weight", Shipped.Reply), F("--ml-weight", Shipped.Multilingual), F("--ml-allow-weight", Shipped.MultilingualAllow), F("--slot-weight", Shipped.Slot), args.Contains("--translit") || Shipped.Transliterate, args.Contains("--identities") || Shipped.Identities, F("--ident-allow-weight", Shipped.IdentityAllow), F("--group-weight", Shipped.Group), F("--service-weight", Shipped.Service), F("--ml-hilatn-weight", Shipped.MultilingualHiLatn), F("--heading-weight", Shipped.Heading), F("--fragment-weight", Shipped.Fragment),
                (int)F("--hidden", Shipped.Hidden), F("--net-lr", Shipped.NetLearningRate), (int)F("--net-epochs", Shipped.NetEpochs), F("--reach-weight", Shipped.Reach), args.Contains("--calibrate"), F("--describe-weight", Shipped.Describe), Arg(args, "--calibrate-weights") ?? Shipped.CalibrationWeights, F("--family-weight", Shipped.Family));
        }

        /// <summary>Whether the case trains at all (weight 0 leaves our multilingual, slot, group or service cases out).</summary>
        public bool Includes(HateCase c) => OutputHateFamilySentences.Is(c.Functionality) ? Family > 0 : OutputHateDescribeSentences.Is(c.Functionality) ? Describe > 0 : OutputHateReachSentences.Is(c.Functionality) ? Reach > 0 : OutputHateGroupSentences.Is(c.Functionality) ? Group > 0 : OutputHateServiceSentences.Is(c.Functionality) ? Service > 0 : OutputHateHeadingSentences.Is(c.Functionality) ? Heading > 0 : OutputHateFragmentSentences.Is(c.Functionality) ? Fragment > 0 :
            IsMultilingual(c.Functionality) && c.Language == "hi-Latn" && MultilingualHiLatn <= 0 ? false :
            IsSlot(c.Functionality) ? Slot > 0 : Multilingual > 0 || !IsMultilingual(c.Functionality);

        public float Of(HateCase c) => OutputHateFamilySentences.Is(c.Functionality) ? Family : OutputHateDescribeSentences.Is(c.Functionality) ? Describe : OutputHateReachSentences.Is(c.Functionality) ? Reach : OutputHateGroupSentences.Is(c.Functionality) ? Group : OutputHateServiceSentences.Is(c.Functionality) ? Service : OutputHateHeadingSentences.Is(c.Functionality) ? Heading : OutputHateFragmentSentences.Is(c.Functionality) ? Fragment :
            ExampleWeight(c, IsMultilingual(c.Functionality) ? MultilingualAllow : Allow, Reply)
            * (c.Functionality is "ident_pos_nh" or "ident_neutral_nh" ? IdentityAllow : 1f)
            * (c.Language == "en" && c.Functionality != OutputHateBenignReplies.Functionality ? English : 1f)
            * (IsSlot(c.Functionality) ? Slot : IsMultilingual(c.Functionality) ? Multilingual : 1f)
            * (IsMultilingual(c.Functionality) && c.Language == "hi-Latn" ? MultilingualHiLatn : 1f);
    }

    /// <summary>
    /// Hyper-parameter search without the TEST half: fits on three quarters of TRAIN and scores the fourth (a second
    /// bit of the same hash). Options: --epochs --lr --l2 --bits --min-n --max-n --no-words --no-bigrams --allow-weight --en-weight --reply-weight --ml-weight (0 = without the multilingual cases) --ml-allow-weight --slot-weight (0 = without the slot cases) --translit (Devanagari to Latin before the features) --identities --ident-allow-weight --group-weight (0 = without our group sentences) --service-weight (0 = without our service sentences) --heading-weight (0 = without our heading lines) --fragment-weight (0 = without our fragments) --reach-weight (session 28 round 2: our lines saying when/how to reach help; 0, the default, = without them) --describe-weight (session 29: our benign lines describing abuse, pests, slaughter, groups; 0, the default, = without them) --family-weight (session 30: our lines of three hateful families and their benign twins, Data/output-hate-families.tsv; 0, the default, = without them) --ml-hilatn-weight (multiplier of the romanised Hindi multilingual cases) --seed (of the SGD order; of the network's initial weights too) --hidden H (session 28: the network class with H hidden units instead of the linear model) --net-lr --net-epochs --calibrate (session 29: Platt scaling of the network's output fitted on the validation part).
    /// </summary>
    private static int Validate(List<HateCase> mhc, string[] args)
    {
        var train = mhc.Where(c => OutputHateData.IsTrainByHash(c.Id)).ToList();
        var english = OwnTrain(mhc).ToList();
        float F(string name, float value) => Arg(args, name) is { } v ? float.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : value;
        int I(string name, int value) => Arg(args, name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : value;
        var featurizer = new TextFeaturizer(I("--bits", 18), I("--min-n", 2), I("--max-n", 5), words: !args.Contains("--no-words"), wordBigrams: !args.Contains("--no-bigrams"));
        Console.WriteLine($"validation.featurizer: bits={featurizer.BucketBits} char={featurizer.MinCharN}-{featurizer.MaxCharN} words={featurizer.Words} bigrams={featurizer.WordBigrams} features_per_kb={FeaturesPerKb(featurizer, english)}");
        var options = Options with { Epochs = I("--epochs", Options.Epochs), LearningRate = F("--lr", Options.LearningRate), L2 = F("--l2", Options.L2), Seed = I("--seed", Options.Seed) };
        var weights = HateWeights.From(args);
        Console.WriteLine($"validation.weights={weights}");
        HateSpeechModel model;
        if (weights.Calibrate && weights.Hidden > 0)
        {
            model = CalibratedScorer(train.Where(c => !IsValidation(c)), english.Where(c => !IsValidation(c)), train.Where(IsValidation).Concat(english.Where(IsValidation)), featurizer, options, weights, out var network);
            Console.WriteLine($"validation.calibration: scale={network.CalibrationScale.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} bias={network.CalibrationBias.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} (fitted on this validation split; the figures below are the calibrated network's)");
        }
        else
        {
            model = TrainScorer(train.Where(c => !IsValidation(c)), english.Where(c => !IsValidation(c)), featurizer, options, weights);
        }

        var validation = train.Where(c => IsValidation(c)).Concat(english.Where(c => IsValidation(c))).Select(c => (Case: c, Score: model.Score(c.Text))).ToList();
        foreach (var threshold in new[] { 0.4, 0.5, 0.6, 0.7 })
        {
            // MHC cases only: the benign replies (all non-hateful, two languages MHC lacks) would pull a per-language F1 down,
            // and our multilingual cases would add sw and hi-Latn as languages and mix into the MHC languages' F1.
            var f1 = validation.Where(v => IsMhc(v.Case)).GroupBy(v => v.Case.Language).Average(g => OutputSafetyEvaluation.MacroF1(g, threshold));
            var ownMultilingual = validation.Where(v => IsMultilingual(v.Case.Functionality)).ToList();
            var ml = ownMultilingual.Count == 0 ? double.NaN : ownMultilingual.GroupBy(v => v.Case.Language).Average(g => OutputSafetyEvaluation.MacroF1(g, threshold));
            var counter = validation.Where(v => OutputHateData.CounterSpeech.Contains(v.Case.Functionality)).ToList();
            var en = OutputSafetyEvaluation.MacroF1(validation.Where(v => v.Case.Language == "en" && !OutputHateGroupSentences.Is(v.Case.Functionality) && !OutputHateServiceSentences.Is(v.Case.Functionality) && !OutputHateHeadingSentences.Is(v.Case.Functionality) && !OutputHateFragmentSentences.Is(v.Case.Functionality) && !OutputHateReachSentences.Is(v.Case.Functionality) && !OutputHateDescribeSentences.Is(v.Case.Functionality) && !OutputHateFamilySentences.Is(v.Case.Functionality)), threshold);
            var replies = validation.Where(v => v.Case.Functionality == OutputHateBenignReplies.Functionality).ToList();
            if (threshold == 0.6 && args.Contains("--errors"))
            {
                // Where the validation quarter's errors are, by MHC functionality (blocked for _nh, missed for _h).
                foreach (var g in validation.Where(v => IsMhc(v.Case)).GroupBy(v => v.Case.Functionality).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var wrong = g.Count(v => (v.Score >= threshold) != v.Case.Hateful);
                    Console.WriteLine($"validation.t0.6.errors.{g.Key}={OutputSafetyEvaluation.F(wrong / (double)g.Count())} (n={g.Count()})");
                }

                // Per MHC language: its F1, and its errors by functionality (which families a weak language misses).
                foreach (var lang in validation.Where(v => IsMhc(v.Case)).GroupBy(v => v.Case.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    Console.WriteLine($"validation.t0.6.f1.{lang.Key}={OutputSafetyEvaluation.F(OutputSafetyEvaluation.MacroF1(lang, threshold))}");
                    foreach (var g in lang.GroupBy(v => v.Case.Functionality).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        var wrong = g.Count(v => (v.Score >= threshold) != v.Case.Hateful);
                        Console.WriteLine($"validation.t0.6.errors.{lang.Key}.{g.Key}={wrong}/{g.Count()}");
                    }
                }

                // The held-back quarter's non-hateful fragments that would be blocked (condition (c) of session 27's rule).
                foreach (var v in validation.Where(v => v.Case.Functionality == OutputHateFragmentSentences.NonHatefulFunctionality && v.Score >= threshold))
                {
                    Console.WriteLine($"validation.t0.6.blocked_fragment.{v.Case.Language}={OutputSafetyEvaluation.F(v.Score)} {v.Case.Text}");
                }

                // Our own benign replies that would be blocked (our text, TRAIN side): which words pull them over.
                foreach (var v in validation.Where(v => v.Case.Functionality == OutputHateBenignReplies.Functionality && v.Score >= threshold))
                {
                    Console.WriteLine($"validation.t0.6.blocked_reply.{v.Case.Language}={OutputSafetyEvaluation.F(v.Score)} {v.Case.Text}");
                }
            }

            var groupNh = validation.Where(v => v.Case.Functionality == OutputHateGroupSentences.NonHatefulFunctionality).ToList();
            var groupH = validation.Where(v => v.Case.Functionality == OutputHateGroupSentences.HatefulFunctionality).ToList();
            var serviceNh = validation.Where(v => v.Case.Functionality == OutputHateServiceSentences.NonHatefulFunctionality).ToList();
            var serviceH = validation.Where(v => v.Case.Functionality == OutputHateServiceSentences.HatefulFunctionality).ToList();
            var headingNh = validation.Where(v => v.Case.Functionality == OutputHateHeadingSentences.NonHatefulFunctionality).ToList();
            var headingH = validation.Where(v => v.Case.Functionality == OutputHateHeadingSentences.HatefulFunctionality).ToList();
            var fragmentNh = validation.Where(v => v.Case.Functionality == OutputHateFragmentSentences.NonHatefulFunctionality).ToList();
            var fragmentH = validation.Where(v => v.Case.Functionality == OutputHateFragmentSentences.HatefulFunctionality).ToList();
            Console.WriteLine($"validation.t{threshold:0.0}.own_fragment: non_hateful_blocked={fragmentNh.Count(v => v.Score >= threshold)}/{fragmentNh.Count} non_hateful_max={OutputSafetyEvaluation.F(fragmentNh.Count == 0 ? 0 : fragmentNh.Max(v => v.Score))} hateful_caught={fragmentH.Count(v => v.Score >= threshold)}/{fragmentH.Count} (the held-back quarter: never trained on in validation)");
            var reachNh = validation.Where(v => v.Case.Functionality == OutputHateReachSentences.NonHatefulFunctionality).ToList();
            Console.WriteLine($"validation.t{threshold:0.0}.own_reach: non_hateful_blocked={reachNh.Count(v => v.Score >= threshold)}/{reachNh.Count} non_hateful_max={OutputSafetyEvaluation.F(reachNh.Count == 0 ? 0 : reachNh.Max(v => v.Score))} (informative; the held-back quarter of session 28's reach lines, trained on only when --reach-weight > 0)");
            var describeNh = validation.Where(v => v.Case.Functionality == OutputHateDescribeSentences.NonHatefulFunctionality).ToList();
            Console.WriteLine($"validation.t{threshold:0.0}.own_describe: non_hateful_blocked={describeNh.Count(v => v.Score >= threshold)}/{describeNh.Count} non_hateful_max={OutputSafetyEvaluation.F(describeNh.Count == 0 ? 0 : describeNh.Max(v => v.Score))} (informative; the held-back quarter of session 29's describing lines, trained on only when --describe-weight > 0)");
            foreach (var family in OutputHateFamilySentences.Families)
            {
                var familyNh = validation.Where(v => v.Case.Functionality == OutputHateFamilySentences.FunctionalityOf(family, false)).ToList();
                var familyH = validation.Where(v => v.Case.Functionality == OutputHateFamilySentences.FunctionalityOf(family, true)).ToList();
                Console.WriteLine($"validation.t{threshold:0.0}.own_family.{family}: non_hateful_blocked={familyNh.Count(v => v.Score >= threshold)}/{familyNh.Count} hateful_caught={familyH.Count(v => v.Score >= threshold)}/{familyH.Count} (informative; the held-back quarter of session 30's family lines, trained on only when --family-weight > 0)");
            }

            Console.WriteLine($"validation.t{threshold:0.0}.own_heading: non_hateful_blocked={headingNh.Count(v => v.Score >= threshold)}/{headingNh.Count} hateful_caught={headingH.Count(v => v.Score >= threshold)}/{headingH.Count} (informative; trained on only when --heading-weight > 0, and then these are the held-out quarter)");
            Console.WriteLine($"validation.t{threshold:0.0}.own_service: non_hateful_blocked={serviceNh.Count(v => v.Score >= threshold)}/{serviceNh.Count} hateful_caught={serviceH.Count(v => v.Score >= threshold)}/{serviceH.Count} (informative; trained on only when --service-weight > 0, and then these are the held-out quarter)");
            Console.WriteLine($"validation.t{threshold:0.0}.own_group: non_hateful_blocked={groupNh.Count(v => v.Score >= threshold)}/{groupNh.Count} hateful_caught={groupH.Count(v => v.Score >= threshold)}/{groupH.Count} (informative; trained on only when --group-weight > 0, and then these are the held-out quarter)");
            Console.WriteLine($"validation.t{threshold:0.0}: f1_macro_avg_mhc={OutputSafetyEvaluation.F(f1)} en={OutputSafetyEvaluation.F(en)} own_ml={OutputSafetyEvaluation.F(ml)} counter_speech_blocked={OutputSafetyEvaluation.F(counter.Count(v => v.Score >= threshold) / (double)counter.Count)} benign_replies_blocked={replies.Count(v => v.Score >= threshold)}/{replies.Count} (n={validation.Count})");
        }

        return 0;
    }

    /// <summary>Validation by template (a quarter of TRAIN's templates), so the search rewards what generalises to new sentences.</summary>
    private static bool IsValidation(HateCase c) => OutputHateData.IsTrainByHash(c.Template + "#validation") && OutputHateData.IsTrainByHash(c.Template + "#v2");

    private static bool IsMhc(HateCase c) =>
        c.Language != "en" && c.Functionality != OutputHateBenignReplies.Functionality && !IsMultilingual(c.Functionality) && !OutputHateGroupSentences.Is(c.Functionality) && !OutputHateServiceSentences.Is(c.Functionality) && !OutputHateHeadingSentences.Is(c.Functionality) && !OutputHateFragmentSentences.Is(c.Functionality) && !OutputHateReachSentences.Is(c.Functionality) && !OutputHateDescribeSentences.Is(c.Functionality) && !OutputHateFamilySentences.Is(c.Functionality);

    private static float ExampleWeight(HateCase c, float allowWeight, float replyWeight) =>
        c.Hateful ? 1f : c.Functionality == OutputHateBenignReplies.Functionality ? replyWeight : IsAllowPriority(c.Functionality) ? allowWeight : 1f;

    /// <summary>Counter-speech, negated hate, survivors' accounts and benign replies: what a support bot must never block.</summary>
    private static bool IsAllowPriority(string functionality) =>
        OutputHateData.CounterSpeech.Contains(functionality) || functionality is "negate_neg_nh" or "en_support_nh" or "en_nh" or OutputHateMultilingualCases.NonHatefulFunctionality or OutputHateMultilingualCases.SupportFunctionality;

    /// <summary>Feature occurrences per 1,000 characters of text (the cost of scoring), over the given cases.</summary>
    private static int FeaturesPerKb(TextFeaturizer featurizer, List<HateCase> cases)
    {
        long features = 0, chars = 0;
        foreach (var c in cases)
        {
            var buffer = new char[c.Text.Length];
            var length = GuardText.Normalize(c.Text, buffer);
            features += featurizer.Count(buffer.AsSpan(0, length));
            chars += c.Text.Length;
        }

        return (int)(features * 1000 / Math.Max(1, chars));
    }

    internal static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
