namespace Cutout;

/// <summary>The values of the flagged pixels only, read back by pixel index: a copy that costs what the flags select.</summary>
sealed class SparseValues
{
    readonly int[] indices;
    readonly float[] values;

    public SparseValues(float[] source, bool[] flags)
    {
        var count = 0;
        foreach (var flag in flags)
            if (flag) count++;
        (indices, values) = (new int[count], new float[count]);
        for (int i = 0, k = 0; i < flags.Length; i++)
        {
            if (!flags[i]) continue;
            indices[k] = i;
            values[k] = source[i];
            k++;
        }
    }

    public float this[int index]
    {
        get
        {
            var k = Array.BinarySearch(indices, index);
            return k >= 0 ? values[k] : throw new ArgumentOutOfRangeException(nameof(index), index, "no value was kept for this pixel");
        }
    }
}
