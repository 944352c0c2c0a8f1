using Xunit;

namespace Cutout.Tests;

/// <summary>A theory about the shipped models (models/ in the repo); needs the research data.</summary>
public sealed class ShippedModelTheoryAttribute : TheoryAttribute
{
    public ShippedModelTheoryAttribute()
    {
        if (!TestPaths.HasData) Skip = TestPaths.MissingDataReason;
    }
}
