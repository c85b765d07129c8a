#!/usr/bin/env bash
# Regenerates the station's stream jingles. Everything is synthesised here with sox (no samples,
# no copyrighted music), then encoded at a low bitrate with oggenc (Vorbis), opusenc (Opus) and
# lame (MP3). Output: jpop.ogg jpop.opus jpop.mp3 kpop.ogg kpop.opus kpop.mp3 next to this script.
#
# Needs: sox, vorbis-tools, opus-tools, lame (Debian packages of the same names).
# Usage: tests/station/audio/generate.sh
#
# Each jingle is a whole number of bars so the server can loop it without a musical seam:
#   J-pop: C major "royal road" progression IV-V-iii-vi (F G Em Am), 96 bpm, plucked eighth-note
#          arpeggios over a soft sine pad and bass, a bell melody on the last pass. 12 bars = 30 s.
#   K-pop: A minor vi-IV-I-V (Am F C G), 120 bpm, sixteenth-note triangle arpeggios, soft kick and
#          hi-hat, sine pad and bass. 16 bars = 32 s.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

RATE=22050
SOX=(sox -q -V1)

# note <out.wav> <seconds> <semitones from A4> <voice>
note() {
  local out="$1" len="$2" semi="$3" voice="$4"
  case "$voice" in
    pluck) "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$out" synth "$len" pluck "%$semi" fade 0 "$len" 0.03 vol 0.55 ;;
    tri) "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$out" synth "$len" triangle "%$semi" fade 0.005 "$len" "$len" vol 0.3 ;;
    bell) "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$out" synth "$len" sine "%$semi" fade 0.01 "$len" "$len" vol 0.35 ;;
    bass) "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$out" synth "$len" sine "%$semi" fade 0.02 "$len" 0.2 vol 0.45 ;;
    rest) "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$out" trim 0 "$len" ;;
  esac
}

# pad <out.wav> <seconds> <semitone> <semitone> <semitone>: a soft three-note sine chord.
pad() {
  local out="$1" len="$2"
  shift 2
  local parts=()
  for semi in "$@"; do
    "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$work/padtone_$semi.wav" synth "$len" sine "%$semi" \
      fade 0.15 "$len" 0.4 vol 0.12
    parts+=("$work/padtone_$semi.wav")
  done
  "${SOX[@]}" -m -v 1 "${parts[0]}" -v 1 "${parts[1]}" -v 1 "${parts[2]}" "$out"
}

# track <out.wav> <voice> <seconds per step> <semitones...> ("r" is a rest): a monophonic line.
track() {
  local out="$1" voice="$2" step="$3"
  shift 3
  local i=0 files=()
  for semi in "$@"; do
    local f
    f="$(printf '%s/%s_%05d.wav' "$work" "$(basename "$out" .wav)" "$i")"
    if [ "$semi" = r ]; then note "$f" "$step" 0 rest; else note "$f" "$step" "$semi" "$voice"; fi
    files+=("$f")
    i=$((i + 1))
  done
  "${SOX[@]}" "${files[@]}" "$out"
}

# drums <out.wav> <beats> <seconds per beat>: kick on every beat, hi-hat on the off-beats.
drums() {
  local out="$1" beats="$2" beat="$3" half
  half="$(echo "$beat / 2" | bc -l)"
  "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$work/kick.wav" synth "$half" sine 110-45 fade 0 "$half" "$half" vol 0.5
  "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$work/hat.wav" synth 0.04 whitenoise highpass 6000 fade 0 0.04 0.035 vol 0.08
  "${SOX[@]}" "$work/hat.wav" "$work/hat_full.wav" pad 0 "$(echo "$half - 0.04" | bc -l)"
  local files=()
  for _ in $(seq 1 "$beats"); do files+=("$work/kick.wav" "$work/hat_full.wav"); done
  "${SOX[@]}" "${files[@]}" "$out"
}

mix_and_encode() {
  local name="$1" title="$2"
  shift 2
  local inputs=()
  for f in "$@"; do inputs+=(-v 1 "$f"); done
  "${SOX[@]}" -m "${inputs[@]}" "$work/$name-mix.wav" lowpass 4500 reverb 25 50 70 gain -n -4
  oggenc -Q -q 0 -t "$title" -a "LISTEN.moe station" -o "$here/$name.ogg" "$work/$name-mix.wav"
  opusenc --quiet --bitrate 20 --cvbr --max-delay 250 --title "$title" --artist "LISTEN.moe station" \
    "$work/$name-mix.wav" "$here/$name.opus"
  lame --quiet -b 32 -m m -t --noreplaygain --add-id3v2 --tt "$title" --ta "LISTEN.moe station" \
    "$work/$name-mix.wav" "$here/$name.mp3"
}

# --- J-pop: F G Em Am, 96 bpm (beat 0.625 s), 12 bars ------------------------------------------
E8=0.3125 # eighth note
BAR=2.5
arp_F=(-16 -12 -9 -4 0 -4 -9 -12)
arp_G=(-14 -10 -7 -2 2 -2 -7 -10)
arp_Em=(-17 -14 -10 -5 -2 -5 -10 -14)
arp_Am=(-12 -9 -5 0 3 0 -5 -9)
jarp=()
for _ in 1 2 3; do jarp+=("${arp_F[@]}" "${arp_G[@]}" "${arp_Em[@]}" "${arp_Am[@]}"); done
track "$work/j-arp.wav" pluck "$E8" "${jarp[@]}"
track "$work/j-bass.wav" bass 1.25 -28 -28 -26 -26 -29 -29 -24 -24 -28 -28 -26 -26 -29 -29 -24 -24 -28 -28 -26 -26 -29 -29 -24 -24
jpad=()
for _ in 1 2 3; do
  pad "$work/jp1.wav" "$BAR" -16 -12 -9 && cp "$work/jp1.wav" "$work/jpad_${#jpad[@]}.wav" && jpad+=("$work/jpad_${#jpad[@]}.wav")
  pad "$work/jp2.wav" "$BAR" -14 -10 -7 && cp "$work/jp2.wav" "$work/jpad_${#jpad[@]}.wav" && jpad+=("$work/jpad_${#jpad[@]}.wav")
  pad "$work/jp3.wav" "$BAR" -17 -14 -10 && cp "$work/jp3.wav" "$work/jpad_${#jpad[@]}.wav" && jpad+=("$work/jpad_${#jpad[@]}.wav")
  pad "$work/jp4.wav" "$BAR" -12 -9 -5 && cp "$work/jp4.wav" "$work/jpad_${#jpad[@]}.wav" && jpad+=("$work/jpad_${#jpad[@]}.wav")
done
"${SOX[@]}" "${jpad[@]}" "$work/j-pad.wav"
# Bell melody (quarter notes) only on the third pass; rests before it.
jmel=()
for _ in $(seq 1 32); do jmel+=(r); done
jmel+=(8 7 5 3 10 8 7 5 7 5 3 2 3 5 7 r)
track "$work/j-mel.wav" bell 0.625 "${jmel[@]}"
mix_and_encode jpop "Station jingle (J-pop)" "$work/j-arp.wav" "$work/j-bass.wav" "$work/j-pad.wav" "$work/j-mel.wav"

# --- K-pop: Am F C G, 120 bpm (beat 0.5 s), 16 bars ---------------------------------------------
S16=0.125 # sixteenth note
KBAR=2
karp_Am=(-12 -5 -9 -5 0 -5 -9 -5 -12 -5 -9 -5 3 0 -5 -9)
karp_F=(-16 -9 -12 -9 -4 -9 -12 -9 -16 -9 -12 -9 0 -4 -9 -12)
karp_C=(-9 -2 -5 -2 3 -2 -5 -2 -9 -2 -5 -2 7 3 -2 -5)
karp_G=(-14 -7 -10 -7 -2 -7 -10 -7 -14 -7 -10 -7 5 2 -2 -7)
karp=()
for _ in 1 2 3 4; do karp+=("${karp_Am[@]}" "${karp_F[@]}" "${karp_C[@]}" "${karp_G[@]}"); done
track "$work/k-arp.wav" tri "$S16" "${karp[@]}"
kbass=()
for _ in 1 2 3 4; do kbass+=(-24 -24 -24 -24 -28 -28 -28 -28 -33 -33 -33 -33 -26 -26 -26 -26); done
track "$work/k-bass.wav" bass 0.5 "${kbass[@]}"
kpad=()
for _ in 1 2 3 4; do
  for chord in "-12 -9 -5" "-16 -12 -9" "-9 -5 -2" "-14 -10 -7"; do
    # shellcheck disable=SC2086
    pad "$work/kp.wav" "$KBAR" $chord
    cp "$work/kp.wav" "$work/kpad_${#kpad[@]}.wav"
    kpad+=("$work/kpad_${#kpad[@]}.wav")
  done
done
"${SOX[@]}" "${kpad[@]}" "$work/k-pad.wav"
drums "$work/k-drums.wav" 64 0.5
mix_and_encode kpop "Station jingle (K-pop)" "$work/k-arp.wav" "$work/k-bass.wav" "$work/k-pad.wav" "$work/k-drums.wav"

ls -l "$here"/*.ogg "$here"/*.opus "$here"/*.mp3
