using System.Diagnostics;

namespace NewsSearch.Indexing;

/// <summary>The stages of the indexing pipeline that <see cref="StageClock"/> times.</summary>
internal enum Stage
{
    Read,
    Check,
    Prepare,
    Write,
    Commit,
    ReaderWaiting,
    WorkersWaiting,
}

/// <summary>Time per pipeline stage, added to from several threads at once; cheap enough to leave on.</summary>
internal sealed class StageClock
{
    private readonly long[] ticks = new long[Enum.GetValues<Stage>().Length];

    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>Adds the time from <paramref name="start"/> until now to <paramref name="stage"/>, and moves <paramref name="start"/> to now.</summary>
    public void Lap(Stage stage, ref long start)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref ticks[(int)stage], now - start);
        start = now;
    }

    public TimeSpan this[Stage stage] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref ticks[(int)stage]));

    public IngestStages ToStages(int threads) => new(
        threads, this[Stage.Read], this[Stage.Check], this[Stage.Prepare], this[Stage.Write], this[Stage.Commit],
        this[Stage.ReaderWaiting], this[Stage.WorkersWaiting]);
}
