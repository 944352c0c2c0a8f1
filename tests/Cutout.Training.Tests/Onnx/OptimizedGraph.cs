using Cutout.Training.Onnx.Proto;
using Microsoft.ML.OnnxRuntime;
using Cutout.Tests;

namespace Cutout.Training.Tests.Onnx;

/// <summary>What ONNX Runtime makes of a model: the graph after its optimisations (QDQ fusion included), saved and read back.</summary>
internal static class OptimizedGraph
{
    public static int Count(IEnumerable<OnnxNode> nodes, string opType) => nodes.Count(n => n.OpType == opType);

    public static IReadOnlyList<OnnxNode> Nodes(string onnxPath)
    {
        using var folder = new TempFolder("optimized-");
        var optimized = Path.Combine(folder, "optimized.onnx");
        using (var options = new SessionOptions
               {
                   GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                   OptimizedModelFilePath = optimized,
               })
        using (new InferenceSession(onnxPath, options)) { }
        return OnnxModel.Load(optimized).Graph.Nodes;
    }
}
