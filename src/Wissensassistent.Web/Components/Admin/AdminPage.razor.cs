using Microsoft.AspNetCore.Components;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Components.Admin;

/// <summary>State of the corpus (ingestion progress, failed files) and the latest feedback, for whoever runs the service.</summary>
public sealed partial class AdminPage : IDisposable
{
    private const int FeedbackShown = 100;

    private IndexingSnapshot _indexing = IndexingSnapshot.Idle;
    private StoreStatistics? _statistics;
    private IReadOnlyList<FeedbackEntry> _feedback = [];

    [Inject]
    private IndexingStatus Indexing { get; set; } = default!;

    [Inject]
    private IKnowledgeStore Store { get; set; } = default!;

    [Inject]
    private IFeedbackStore Feedback { get; set; } = default!;

    public void Dispose() => Indexing.Changed -= OnIndexingChanged;

    protected override async Task OnInitializedAsync()
    {
        _indexing = Indexing.Current;
        Indexing.Changed += OnIndexingChanged;
        _statistics = await Store.GetStatisticsAsync();
        _feedback = await Feedback.ListAsync(FeedbackShown);
    }

    private static string PhaseText(IndexingPhase phase) => phase switch
    {
        IndexingPhase.Idle => "bereit",
        IndexingPhase.Ingesting => "Dateien werden eingelesen",
        IndexingPhase.Embedding => "Einbettungen werden berechnet",
        IndexingPhase.Completed => "vollständig",
        IndexingPhase.Failed => "fehlgeschlagen",
        _ => phase.ToString(),
    };

    private static string KindText(FeedbackKind kind) => kind switch
    {
        FeedbackKind.AnswerHelpful => "hilfreich",
        FeedbackKind.AnswerNotHelpful => "nicht hilfreich",
        FeedbackKind.CitationWrong => "Zitat falsch",
        _ => kind.ToString(),
    };

    private void OnIndexingChanged(IndexingSnapshot snapshot) =>
        _ = InvokeAsync(() =>
        {
            _indexing = snapshot;
            StateHasChanged();
        });
}
