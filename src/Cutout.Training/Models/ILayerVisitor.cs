using TorchSharp.Modules;

namespace Cutout.Training.Models;

/// <summary>
/// Receives a model's layers in forward order from <see cref="ModelWalker{T}"/>; <typeparamref name="T"/> is what flows between
/// layers (an ONNX tensor name for the exporter, a shape for the summary). <c>name</c> is a readable, Keras-like layer name.
/// </summary>
public interface ILayerVisitor<T>
{
    T SubtractMean(T x, float[] mean, string name);
    /// <summary>A convolution, optionally followed by an eval-mode BatchNorm.</summary>
    T Conv(T x, Conv2d conv, BatchNorm2d? bn, string name);
    T Relu(T x, string name);
    T MaxPool(T x, long kernel, long stride, long padding, string name);
    T Upsample2x(T x, string name);
    T Concat(T a, T b, string name);
    /// <summary>a + b, where b may be N x C x 1 x 1 (broadcast over height and width).</summary>
    T Add(T a, T b, string name);
    /// <summary>The mean of each channel over height and width: N x C x 1 x 1.</summary>
    T GlobalAveragePool(T x, string name);
    T Sigmoid(T x, string name);
}
