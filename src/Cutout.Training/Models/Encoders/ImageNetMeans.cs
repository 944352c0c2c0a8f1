namespace Cutout.Training.Models.Encoders;

/// <summary>Per-channel ImageNet means subtracted from 0..255 input, in RGB order.</summary>
public static class ImageNetMeans
{
    /// <summary>Channel averages of the mean image in ResNetPreprocess.onnx (B 103.06, G 115.90, R 123.15).</summary>
    public static readonly float[] ResNet18Rgb = [123.15f, 115.90f, 103.06f];

    /// <summary>Keras applications 'caffe' preprocessing: B 103.939, G 116.779, R 123.68.</summary>
    public static readonly float[] CaffeRgb = [123.68f, 116.779f, 103.939f];
}
