namespace Cutout;

/// <summary>
/// What a model name stands for: one model file, or the automatic choice between the shipped people model
/// (<see cref="Paths"/>[0]) and the shipped general model (<see cref="Paths"/>[1]).
/// </summary>
public sealed record ModelChoice(string Name, IReadOnlyList<string> Paths, bool Automatic);
