namespace NewsSearch.Ingest;

/// <summary>The records of one input file (or the problem with a path that is not one).</summary>
internal sealed record InputRecords(string DisplayPath, IEnumerable<IngestRecord> Records);

/// <summary>
/// The one place that turns paths into article records, for indexing and for every other reader: new input
/// formats plug in here (<see cref="ReadFile"/>).
/// </summary>
internal static class InputReader
{
    public static IEnumerable<InputRecords> Files(IEnumerable<string> paths, string? skipFolder)
    {
        foreach (var path in paths)
        {
            foreach (var (file, problem) in InputFiles.Expand(path, skipFolder))
            {
                yield return problem is not null
                    ? new InputRecords(problem.Source, [new IngestRecord(null, problem)])
                    : new InputRecords(file!.DisplayPath, ReadFile(file));
            }
        }
    }

    /// <summary>The records of one file; a read error ends the file with a problem instead of an exception.</summary>
    private static IEnumerable<IngestRecord> ReadFile(InputFile file)
    {
        Stream stream;
        try
        {
            stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [IngestRecord.Rejected(file.DisplayPath, null, "cannot read: " + e.Message)];
        }
        return ReadAndClose(stream, file);
    }

    private static IEnumerable<IngestRecord> ReadAndClose(Stream stream, InputFile file)
    {
        using (stream)
        {
            using var records = SeedFormatReader.Read(stream, file.DisplayPath, file.IdBase, file.FullPath).GetEnumerator();
            while (true)
            {
                IngestRecord record;
                IngestRecord? failure = null;
                try
                {
                    if (!records.MoveNext())
                    {
                        yield break;
                    }
                    record = records.Current;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    record = default;
                    failure = IngestRecord.Rejected(file.DisplayPath, null, "read failed: " + e.Message);
                }
                if (failure is { } failed)
                {
                    yield return failed;
                    yield break;
                }
                yield return record;
            }
        }
    }
}
