#!/usr/bin/env bash
# Build benchmark: generates synthetic catalogs with `credentialsite sample` (1,000 and 10,000 badges,
# plus 100,000 with --full; portfolios = badges / 10), times a full build of each by the tool published for this
# machine (Release, ReadyToRun, as the README installs it) with
# /usr/bin/time (wall, user+sys CPU, peak RSS), captures the per-stage timings of `build --stats`
# and the output size, and prints a Markdown table. A second table gives the floor under each build: YamlDotNet alone
# parsing the same files (tests/bench/YamlFloor) and the time the templates took (Scriban, from build --stats).
#
# With hugo installed (apt-get install hugo) and the converter hugo-equivalent.py (not part of this repository: the
# project's shared folder has it as ../shared/bench/hugo-equivalent.py beside the checkout; HUGO_EQUIVALENT=FILE
# names another copy), the same catalog is also converted to an equivalent Hugo site and built with Hugo: the
# table gets Hugo's wall time and peak memory and the ratio. Without either, the Hugo columns are left out and
# the script says why. Nothing in the test suite needs that file.
#
# Usage: tests/bench/run.sh [--full] [--seed N] [--out-root DIR]
# Work files go under ${BENCH_DIR:-/tmp/credentialsite-bench}; outputs too, unless --out-root names another
# folder (--out-root /dev/shm builds into memory, which leaves out the disk). Each output is deleted at least
# 35 s before its timed build: on ext4 without a journal, creating files right after deleting many makes the
# kernel scan the recently deleted inodes, which doubled build times in back-to-back runs.
# Runs one thing at a time: on a small machine, anything running beside it skews the numbers.
set -euo pipefail
cd "$(dirname "$0")/../.."

full=0
seed=1
out_root=""
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=1 ;;
    --seed) seed="$2"; shift ;;
    --out-root) out_root="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (use --full, --seed N, --out-root DIR)" >&2; exit 2 ;;
  esac
  shift
done

sizes=(1000 10000)
[ "$full" = 1 ] && sizes+=(100000)

work="${BENCH_DIR:-/tmp/credentialsite-bench}"
mkdir -p "$work"
out_root="${out_root:-$work}"
mkdir -p "$out_root"
hugo_script="${HUGO_EQUIVALENT:-$PWD/../shared/bench/hugo-equivalent.py}"
use_hugo=0
if ! command -v hugo >/dev/null; then
  echo "hugo not installed: no Hugo comparison (apt-get install hugo)" >&2
elif [ ! -f "$hugo_script" ]; then
  echo "no $hugo_script: no Hugo comparison (the converter is in the project's shared folder, not in this repository; set HUGO_EQUIVALENT=FILE)" >&2
else
  use_hugo=1
fi

# The tool as the README installs it: published for this machine's runtime, precompiled (ReadyToRun).
echo "publishing Release ..." >&2
rid=$(dotnet --info | sed -nE 's/^ *RID: *//p' | head -1)
dotnet publish CredentialSite.csproj -c Release -r "${rid:-linux-x64}" -o "$work/dist" -nologo -v quiet -clp:NoSummary >/dev/null
dll="$work/dist/credentialsite.dll"
[ -f "$dll" ] || { echo "no $dll after the build" >&2; exit 1; }
# YamlDotNet alone on the same files (tests/bench/YamlFloor): the least the load stage can take.
dotnet build tests/bench/YamlFloor -c Release -o "$work/yamlfloor" -nologo -v quiet -clp:NoSummary >/dev/null
floor_dll="$work/yamlfloor/YamlFloor.dll"
floors=()

rows=()
stage_names=()
for n in "${sizes[@]}"; do
  src="$work/src-$n"
  out="$out_root/out-$n"
  rm -rf "$src" "$out" "$work/hugo-$n" "$out_root/hugo-out-$n"
  deleted=$(date +%s)
  portfolios=$((n / 10))

  echo "generating $n badges, $portfolios portfolios ..." >&2
  gen_start=$(date +%s.%N)
  dotnet "$dll" sample --badges "$n" --portfolios "$portfolios" --seed "$seed" --out "$src" >/dev/null
  gen_end=$(date +%s.%N)
  gen=$(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", b - a }')
  src_size=$(du -sh "$src" | cut -f1)

  hugo_cells=""
  if [ "$use_hugo" = 1 ]; then
    python3 "$hugo_script" "$src" "$work/hugo-$n" >/dev/null
  fi
  wait_s=$((deleted + 35 - $(date +%s)))
  [ "$wait_s" -gt 0 ] && { echo "waiting ${wait_s} s after deleting the old output ..." >&2; sleep "$wait_s"; }
  if [ "$use_hugo" = 1 ]; then
    echo "building $n with Hugo ..." >&2
    /usr/bin/time -f "%e %M" -o "$work/hugo-time-$n.txt" hugo --quiet -s "$work/hugo-$n" -d "$out_root/hugo-out-$n" >/dev/null 2>&1 || true
    read -r hugo_wall hugo_rss_kb < <(tail -1 "$work/hugo-time-$n.txt")
    hugo_cells="$hugo_wall|$(awk -v k="$hugo_rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')"
  fi

  echo "building $n ..." >&2
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$work/time-$n.txt" \
    dotnet "$dll" build --source "$src" --output "$out" --stats >"$work/stats-$n.txt" 2>"$work/stderr-$n.txt"
  status=$?
  set -e
  if [ "$status" != 0 ]; then
    echo "build of $n badges failed (exit $status); see $work/stderr-$n.txt:" >&2
    tail -5 "$work/stderr-$n.txt" >&2
    rows+=("| $n | $portfolios | $src_size | $gen | failed (exit $status) | | | | | |")
    continue
  fi

  read -r wall user sys rss_kb < <(tail -1 "$work/time-$n.txt")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
  out_size=$(du -sh "$out" | cut -f1)
  out_files=$(find "$out" -type f | wc -l)
  pages=$(sed -nE 's/^built: ([0-9]+) pages?.*/\1/p' "$work/stats-$n.txt")

  # Stage lines look like "  load            812 ms".
  stages=""
  while read -r name ms _; do
    [[ " ${stage_names[*]-} " == *" $name "* ]] || stage_names+=("$name")
    stages+="$name=$ms "
  done < <(grep -E '^ +[a-z]+ +[0-9]+ ms$' "$work/stats-$n.txt")

  rows+=("$n|$portfolios|$src_size|$gen|$pages|$out_files|$out_size|$wall|$cpu|$rss|$stages|$hugo_cells")

  # The floor under this build: YamlDotNet parsing the catalog, and the time spent in the templates (Scriban),
  # summed over the rendering threads by build --stats.
  echo "timing YamlDotNet alone on $n ..." >&2
  dotnet "$floor_dll" "$src" >"$work/floor-$n.txt"
  read -r ev_wall ev_cpu < <(sed -nE 's/^events only: ([0-9]+) ms wall, ([0-9]+) ms CPU$/\1 \2/p' "$work/floor-$n.txt")
  read -r tree_wall tree_cpu < <(sed -nE 's/^node tree: +([0-9]+) ms wall, ([0-9]+) ms CPU$/\1 \2/p' "$work/floor-$n.txt")
  templates=$(awk '/ renders? / { for (i = 1; i < NF; i++) if ($(i + 1) == "ms") { sum += $i; break } } END { printf "%.0f", sum }' "$work/stats-$n.txt")
  floors+=("| $n | $ev_wall | $ev_cpu | $tree_wall | $tree_cpu | $templates | $(awk -v c="$cpu" 'BEGIN { printf "%.0f", c * 1000 }') |")
done

# The Markdown table: one row per catalog, one column per build stage.
header="| badges | portfolios | source | generate (s) | pages | files | output | wall (s) | CPU user+sys (s) | peak RSS (MB) |"
rule="|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for s in "${stage_names[@]-}"; do
  [ -n "$s" ] || continue
  header+=" $s (ms) |"
  rule+="---:|"
done
if [ "$use_hugo" = 1 ]; then
  header+=" Hugo wall (s) | Hugo peak RSS (MB) | Hugo time / ours |"
  rule+="---:|---:|---:|"
fi
echo
echo "$header"
echo "$rule"
for row in "${rows[@]}"; do
  if [[ "$row" == "|"* ]]; then echo "$row"; continue; fi
  IFS='|' read -r n portfolios src_size gen pages files out_size wall cpu rss stages hugo_wall hugo_rss <<<"$row"
  line="| $n | $portfolios | $src_size | $gen | $pages | $files | $out_size | $wall | $cpu | $rss |"
  for s in "${stage_names[@]-}"; do
    [ -n "$s" ] || continue
    ms=$(tr ' ' '\n' <<<"$stages" | sed -n "s/^$s=//p")
    line+=" ${ms:--} |"
  done
  if [ "$use_hugo" = 1 ]; then
    ratio=$(awk -v h="${hugo_wall:-0}" -v w="$wall" 'BEGIN { if (w > 0 && h > 0) printf "%.2f", h / w; else print "-" }')
    line+=" ${hugo_wall:--} | ${hugo_rss:--} | $ratio |"
  fi
  echo "$line"
done
echo
echo "| badges | YamlDotNet events only: wall (ms) | CPU (ms) | YamlDotNet node tree: wall (ms) | CPU (ms) | templates, summed over threads (ms) | whole build CPU (ms) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for f in "${floors[@]-}"; do [ -n "$f" ] && echo "$f"; done
echo
echo "$(nproc) cores, $(dotnet --version) SDK, seed $seed; source under $work, output under $out_root" 
