#!/usr/bin/env bash
# Scores a training checkpoint as the shipped model would run: exports it (float16) at SIZE, quantizes it (int8,
# calibrated on 64 training photos, as shipped), runs `cutout eval` on its choosing sets, and pairs each report with
# the shipped model's on the same photos (bench/scripts/compare-evals.cs, pooled when there are two sets).
#   people:  people/val in colour and its greyscale copy (issue 10, item 4)
#   general: objects/val and people/val (the general model serves both; it is chosen on both)
# The shipped model's reports are made once per shipped version and kept in BASELINE (default
# OUT/../shipped-SUBJECT-VERSION, so a newly shipped model is scored afresh). Last, the tests that guard the shipped
# models' visible behaviour (the sample's suit, helmet and shuttle; video frames and flicker) run with the candidate in
# place of the shipped model (CUTOUT_MODELS=OUT/models; needs `dotnet build tests/Cutout.Tests -c Release`).
#   bench/scripts/score-candidate.sh CHECKPOINT ARCH people|general SIZE OUT
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -ne 5 ]; then
  sed -n 2,9p "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
checkpoint="$1" arch="$2" subject="$3" size="$4" out="$5"
data="${CUTOUT_DATA:-../shared/data}"
name="$subject-unet-resnet18"
case "$subject" in
  people)  calibrate="$data/people/train"; sets=("$data/people/val" "$data/people/val --greyscale"); labels=(colour greyscale) ;;
  general) calibrate="$data/objects/train"; sets=("$data/objects/val" "$data/people/val"); labels=(objects people) ;;
  *) echo "subject must be people or general, not $subject" >&2; exit 2 ;;
esac
shipped_version="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "models/$name.json")"
baseline="${BASELINE:-$(dirname "$out")/shipped-$subject-$shipped_version}"
train="dotnet src/Cutout.Train/bin/Release/net10.0/cutout-train.dll"
cutout=src/Cutout.Cli/bin/Release/net10.0/cutout
mkdir -p "$out/int8" "$baseline"

$train export --checkpoint "$checkpoint" --arch "$arch" --size "$size" --fp16 --name "$name" --subject "$subject" \
  --out "$out/$name.onnx"
$train quantize "$out/$name.onnx" --out "$out/int8/$name.onnx" --activations --calibrate "$calibrate" --calibrate-count 64

pairs=()
for i in "${!sets[@]}"; do
  shipped="$baseline/${labels[$i]}.json" candidate="$out/${labels[$i]}.json"
  # shellcheck disable=SC2086 # a set may carry --greyscale
  [ -s "$shipped" ] || $cutout eval --data ${sets[$i]} --model "models/$name.onnx" --threads 2 --json "$shipped" >/dev/null
  # shellcheck disable=SC2086
  $cutout eval --data ${sets[$i]} --model "$out/int8/$name.onnx" --threads 2 --json "$candidate" | tail -n 12
  echo "== ${labels[$i]}: shipped -> candidate =="
  dotnet run bench/scripts/compare-evals.cs -- "$shipped" "$candidate"
  pairs+=("$shipped" "$candidate")
done
if [ "$subject" = general ]; then
  echo "== both sets, pooled =="
  dotnet run bench/scripts/compare-evals.cs -- "${pairs[@]}"
fi

echo "== the shipped models' guard tests, with the candidate =="
mkdir -p "$out/models"
cp models/*.onnx models/*.json "$out/models/"
cp "$out/int8/$name.onnx" "$out/int8/$name.json" "$out/models/"
CUTOUT_MODELS="$out/models" dotnet test tests/Cutout.Tests -c Release --no-build \
  --filter "FullyQualifiedName~ShippedModelTests|FullyQualifiedName~VideoOutputTests|FullyQualifiedName~VideoSmoothingTests" |
  tail -n 3
