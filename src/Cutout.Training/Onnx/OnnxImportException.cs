namespace Cutout.Training.Onnx;

/// <summary>An ONNX file that cannot be read back into a model: not our exporter's graph, another architecture, or quantized.</summary>
public sealed class OnnxImportException(string message) : InvalidOperationException(message);
