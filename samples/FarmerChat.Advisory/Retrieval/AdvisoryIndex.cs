using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace FarmerChat.Advisory.Retrieval;

/// <summary>
/// One in-memory Lucene index per language, built at start from the knowledge base: title, body and crops through the
/// language's analyzer, and the same text as character n-grams. A question is searched in its own language only.
/// </summary>
internal sealed class AdvisoryIndex : IDisposable
{
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string BodyField = "body";
    private const string CropsField = "crops";
    private const string GramsField = "grams";

    private readonly Dictionary<string, LanguageIndex> _indexes = new(StringComparer.Ordinal);

    public AdvisoryIndex(KnowledgeBase knowledge, RetrievalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        Knowledge = knowledge;
        Options = options ?? RetrievalOptions.Default;
        foreach (var language in Languages.All)
        {
            var documents = knowledge.Documents.Where(d => d.Language == language).ToList();
            if (documents.Count > 0)
            {
                _indexes[language] = new LanguageIndex(language, documents, Options);
            }
        }
    }

    /// <summary>Gets the knowledge base.</summary>
    public KnowledgeBase Knowledge { get; }

    /// <summary>Gets the options.</summary>
    public RetrievalOptions Options { get; }

    /// <summary>Returns the best <paramref name="count"/> documents of <paramref name="language"/> for <paramref name="question"/>, best first.</summary>
    public IReadOnlyList<SearchHit> Search(string question, string language, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _indexes.TryGetValue(language, out var index) ? index.Search(question, count) : [];
    }

    /// <summary>Returns the relevant hits among the best <paramref name="count"/>: none when the knowledge base has nothing on the question.</summary>
    public IReadOnlyList<SearchHit> SearchRelevant(string question, string language, int count = 3) =>
        [.. Search(question, language, count).Where(IsRelevant)];

    /// <summary>Whether a hit is good enough to answer from.</summary>
    public bool IsRelevant(SearchHit hit) => hit.Score >= Options.MinScoreFor(hit.Document.Language) && hit.Coverage >= Options.MinCoverage;

    public void Dispose()
    {
        foreach (var index in _indexes.Values)
        {
            index.Dispose();
        }
    }

    /// <summary>Numbers (phone numbers, plot numbers, years) say nothing about the topic and would dilute the coverage.</summary>
    private static bool NoDigit(string term) => !term.Any(char.IsAsciiDigit);

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, in order.</summary>
    internal static List<string> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private sealed class LanguageIndex : IDisposable
    {
        private readonly RAMDirectory _directory = new();
        private readonly Analyzer _words;
        private readonly Analyzer _grams;
        private readonly Analyzer _analyzer;
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;
        private readonly Dictionary<string, KnowledgeDocument> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _wordsById = new(StringComparer.Ordinal);
        private readonly RetrievalOptions _options;

        public LanguageIndex(string language, List<KnowledgeDocument> documents, RetrievalOptions options)
        {
            _options = options;
            _words = AdvisoryAnalyzers.Create(language);
            _grams = new GramAnalyzer(options.GramSize);
            _analyzer = new PerFieldAnalyzerWrapper(_words, new Dictionary<string, Analyzer> { [GramsField] = _grams });
            using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)))
            {
                foreach (var d in documents)
                {
                    var crops = string.Join(' ', d.Crops);
                    writer.AddDocument(new Document
                    {
                        new StringField(IdField, d.Id, Field.Store.YES),
                        new TextField(TitleField, d.Title, Field.Store.NO),
                        new TextField(BodyField, d.Body, Field.Store.NO),
                        new TextField(CropsField, crops, Field.Store.NO),
                        new TextField(GramsField, $"{d.Title}\n{d.Body}", Field.Store.NO),
                    });
                    _byId[d.Id] = d;
                    _wordsById[d.Id] = [.. Analyze(_words, BodyField, $"{d.Title}\n{d.Body}\n{crops}")];
                }

                writer.Commit();
            }

            _reader = DirectoryReader.Open(_directory);
            _searcher = new IndexSearcher(_reader);
        }

        public List<SearchHit> Search(string question, int count)
        {
            var words = Analyze(_words, BodyField, question).Where(NoDigit).Distinct(StringComparer.Ordinal).ToList();
            var query = new BooleanQuery();
            if (words.Count > 0)
            {
                var wordQuery = new BooleanQuery();
                foreach (var w in words)
                {
                    wordQuery.Add(new TermQuery(new Term(TitleField, w)) { Boost = _options.TitleBoost }, Occur.SHOULD);
                    wordQuery.Add(new TermQuery(new Term(BodyField, w)), Occur.SHOULD);
                    wordQuery.Add(new TermQuery(new Term(CropsField, w)) { Boost = _options.CropsBoost }, Occur.SHOULD);
                }

                query.Add(wordQuery, Occur.SHOULD);
            }

            if (_options.GramWeight > 0)
            {
                var grams = Analyze(_grams, GramsField, question).Where(NoDigit).Distinct(StringComparer.Ordinal).ToList();
                if (grams.Count > 0)
                {
                    var gramQuery = new BooleanQuery { Boost = _options.GramWeight };
                    foreach (var g in grams)
                    {
                        gramQuery.Add(new TermQuery(new Term(GramsField, g)), Occur.SHOULD);
                    }

                    query.Add(gramQuery, Occur.SHOULD);
                }
            }

            if (query.Clauses.Count == 0)
            {
                return [];
            }

            var top = _searcher.Search(query, count);
            var hits = new List<SearchHit>(top.ScoreDocs.Length);
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var id = _searcher.Doc(scoreDoc.Doc).Get(IdField);
                var docWords = _wordsById[id];
                var coverage = words.Count == 0 ? 0 : words.Count(docWords.Contains) / (double)words.Count;
                hits.Add(new SearchHit(_byId[id], scoreDoc.Score, coverage));
            }

            return hits;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _analyzer.Dispose();
            _words.Dispose();
            _grams.Dispose();
            _directory.Dispose();
        }
    }
}
