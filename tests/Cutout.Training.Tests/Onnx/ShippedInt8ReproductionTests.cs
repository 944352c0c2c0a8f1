using Cutout.Training.Onnx.Proto;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Training.Tests.Onnx;

/// <summary>
/// The int8 files in models/ are what <c>cutout-train quantize</c> makes from exports/ with the shipped recipe: the same graph
/// and the same int8 weights; scales, zero points and int32 biases may differ only by the float rounding of calibration
/// on another CPU.
/// </summary>
public sealed class ShippedInt8ReproductionTests(ITestOutputHelper output)
{
    [ShippedInt8Theory]
    [InlineData("people-unet-resnet18")]
    [InlineData("general-unet-resnet18")]
    public void Shipped_int8_model_is_what_quantize_makes_from_exports(string name)
    {
        var shipped = OnnxModel.Load(ShippedQuantization.ShippedInt8(name)!).Graph;
        var remade = OnnxModel.Load(ShippedQuantization.Quantized(name, activations: true)).Graph;

        Assert.Equal(Describe(remade.Nodes), Describe(shipped.Nodes));
        Assert.Equal(remade.Initializers.Select(t => (t.Name, t.DataType, string.Join("x", t.Dims))),
                     shipped.Initializers.Select(t => (t.Name, t.DataType, string.Join("x", t.Dims))));
        var differing = 0;
        foreach (var (a, b) in remade.Initializers.Zip(shipped.Initializers))
        {
            double[] x = Values(a), y = Values(b);
            bool integers = a.DataType != OnnxTensor.Float && a.DataType != OnnxTensor.Float16;
            for (var i = 0; i < x.Length; i++)
            {
                var allowed = 1e-3 * Math.Max(Math.Abs(x[i]), Math.Abs(y[i])) + (integers ? 1 : 0);
                Assert.True(Math.Abs(x[i] - y[i]) <= allowed, $"{a.Name}[{i}]: remade {x[i]}, shipped {y[i]}");
                if (x[i] != y[i]) differing++;
            }
        }
        output.WriteLine($"{name}: {shipped.Nodes.Count} nodes and {shipped.Initializers.Count} initializers match; {differing} values differ within the rounding allowance");
    }

    static IEnumerable<string> Describe(IEnumerable<OnnxNode> nodes) =>
        nodes.Select(n => $"{n.OpType}({string.Join(",", n.Inputs)})->{string.Join(",", n.Outputs)}");

    static double[] Values(OnnxTensor t) => t.DataType switch
    {
        OnnxTensor.Int8 => t.RawData.Select(b => (double)(sbyte)b).ToArray(),
        OnnxTensor.UInt8 => t.RawData.Select(b => (double)b).ToArray(),
        OnnxTensor.Int32 => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(t.RawData).ToArray().Select(v => (double)v).ToArray(),
        OnnxTensor.Int64 => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(t.RawData).ToArray().Select(v => (double)v).ToArray(),
        _ => t.ToFloats().Select(v => (double)v).ToArray(),
    };
}
