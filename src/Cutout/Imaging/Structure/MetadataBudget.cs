namespace Cutout;

/// <summary>Counts metadata chunks and bytes of one image against <see cref="MetadataLimits"/>.</summary>
internal sealed class MetadataBudget(string format)
{
    long _bytes;
    int _chunks;

    /// <summary>One chunk of <paramref name="bytes"/> bytes, named for the error message (e.g. "a PNG tEXt chunk").</summary>
    public void Add(string chunk, long bytes, long limit = MetadataLimits.MaxChunkBytes)
    {
        if (bytes > limit) throw StructureScan.TooBig(chunk, bytes, limit);
        if (++_chunks > MetadataLimits.MaxMetadataChunks)
            throw StructureScan.TooMany($"{format} metadata chunks", _chunks, MetadataLimits.MaxMetadataChunks);
        _bytes += bytes;
        if (_bytes > MetadataLimits.MaxTotalBytes)
            throw StructureScan.TooBig($"{format} metadata", _bytes, MetadataLimits.MaxTotalBytes);
    }
}
