;; The Monte Carlo inner loops: sampling a block of trials' durations and their forward pass.
;;
;; Assembled by `npm run kernel` into trial-kernel-binary.ts (committed; a test keeps the two in
;; step). It computes exactly what the TypeScript reference does (runTrialsSerially): the same
;; xoshiro128** stream, the same IEEE-754 operations in the same order, so results are equal bit
;; for bit. It is faster because each link is applied to two trials per SIMD instruction.
;;
;; Memory is the caller's. All pointers are byte offsets. A block's arrays are activity-major:
;; the value of activity k in trial b is at [k * stride + b] (f64), stride even and ≥ the trials.
;; Lanes past the block's trials hold stale but finite numbers and are never read by the caller.
(module
  (import "env" "memory" (memory 1))

  ;; xoshiro128** state, a b c d as in random.ts; the caller sets and reads it back.
  (global $a (mut i32) (i32.const 0))
  (global $b (mut i32) (i32.const 0))
  (global $c (mut i32) (i32.const 0))
  (global $d (mut i32) (i32.const 0))

  (func (export "setState") (param i32 i32 i32 i32)
    (global.set $a (local.get 0))
    (global.set $b (local.get 1))
    (global.set $c (local.get 2))
    (global.set $d (local.get 3)))

  (func (export "state") (param $i i32) (result i32)
    (if (result i32) (i32.eqz (local.get $i))
      (then (global.get $a))
      (else (if (result i32) (i32.eq (local.get $i) (i32.const 1))
        (then (global.get $b))
        (else (if (result i32) (i32.eq (local.get $i) (i32.const 2))
          (then (global.get $c))
          (else (global.get $d))))))))

;; duration-sampler.ts `sampleDurations` for trials 0..width-1; trial b's durations go to
  ;; out[v * stride + b]. First the uniforms, drawn in the serial order (trial by trial, activity by
  ;; activity, one per activity with a spread) into uniforms[b * n + v]; then the quantiles,
  ;; activity by activity, so that both phases sweep memory in order. `table` is the PERT quantile
  ;; table (101 rows of 257 f64); `triangular` selects the triangular distribution instead.
  (func (export "sample")
    (param $n i32) (param $width i32) (param $stride i32)
    (param $low i32) (param $range i32) (param $mode i32) (param $table i32) (param $out i32)
    (param $uniforms i32) (param $triangular i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $result i32)
    (local $trial i32) (local $v i32) (local $at i32) (local $end i32) (local $rowBytes i32) (local $nBytes i32)
    (local $r f64) (local $lo f64) (local $u f64) (local $q f64) (local $m f64)
    (local $ri f64) (local $i i32) (local $rf f64) (local $uj f64) (local $j i32) (local $uf f64)
    (local $rowAt i32) (local $cell i32) (local $t0 f64) (local $q0 f64) (local $q1 f64)
    (local.set $rowBytes (i32.shl (local.get $stride) (i32.const 3)))
    (local.set $nBytes (i32.shl (local.get $n) (i32.const 3)))
    ;; xoshiro128** (random.ts), its state in locals while drawing.
    (local.set $a (global.get $a))
    (local.set $b (global.get $b))
    (local.set $c (global.get $c))
    (local.set $d (global.get $d))
    (local.set $at (local.get $uniforms))
    (block $drawn
      (loop $trials
        (br_if $drawn (i32.ge_u (local.get $trial) (local.get $width)))
        (local.set $v (i32.const 0))
        (block $rowDrawn
          (loop $draws
            (br_if $rowDrawn (i32.ge_u (local.get $v) (local.get $nBytes)))
            (if (f64.ne (f64.load (i32.add (local.get $range) (local.get $v))) (f64.const 0))
              (then
                (local.set $result (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
                (local.set $t (i32.shl (local.get $b) (i32.const 9)))
                (local.set $c (i32.xor (local.get $c) (local.get $a)))
                (local.set $d (i32.xor (local.get $d) (local.get $b)))
                (local.set $b (i32.xor (local.get $b) (local.get $c)))
                (local.set $a (i32.xor (local.get $a) (local.get $d)))
                (local.set $c (i32.xor (local.get $c) (local.get $t)))
                (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
                ;; next() = u32 / 2^32
                (f64.store (i32.add (local.get $at) (local.get $v))
                  (f64.mul (f64.convert_i32_u (local.get $result)) (f64.const 0x1p-32)))))
            (local.set $v (i32.add (local.get $v) (i32.const 8)))
            (br $draws)))
        (local.set $at (i32.add (local.get $at) (local.get $nBytes)))
        (local.set $trial (i32.add (local.get $trial) (i32.const 1)))
        (br $trials)))
    (global.set $a (local.get $a))
    (global.set $b (local.get $b))
    (global.set $c (local.get $c))
    (global.set $d (local.get $d))
    (local.set $v (i32.const 0))
    (block $activitiesDone
      (loop $activities
        (br_if $activitiesDone (i32.ge_u (local.get $v) (local.get $n)))
        (local.set $r (f64.load (i32.add (local.get $range) (i32.shl (local.get $v) (i32.const 3)))))
        (local.set $lo (f64.load (i32.add (local.get $low) (i32.shl (local.get $v) (i32.const 3)))))
        (local.set $m (f64.load (i32.add (local.get $mode) (i32.shl (local.get $v) (i32.const 3)))))
        ;; The table row and the weight between rows depend on the activity only.
        (local.set $ri (f64.mul (local.get $m) (f64.const 100)))
        (local.set $i
          (if (result i32) (f64.ge (local.get $ri) (f64.const 100))
            (then (i32.const 99))
            (else (i32.trunc_f64_s (local.get $ri)))))
        (local.set $rf (f64.sub (local.get $ri) (f64.convert_i32_s (local.get $i))))
        (local.set $rowAt (i32.add (local.get $table) (i32.mul (local.get $i) (i32.const 2056))))
        (local.set $at (i32.add (local.get $out) (i32.mul (local.get $v) (local.get $rowBytes))))
        (local.set $end (i32.add (local.get $at) (i32.shl (local.get $width) (i32.const 3))))
        (local.set $t (i32.add (local.get $uniforms) (i32.shl (local.get $v) (i32.const 3))))
        (block $laneDone
          (loop $lanes
            (br_if $laneDone (i32.ge_u (local.get $at) (local.get $end)))
            (if (f64.eq (local.get $r) (f64.const 0))
              (then (f64.store (local.get $at) (local.get $lo)))
              (else
                (local.set $u (f64.load (local.get $t)))
                (if (local.get $triangular)
                  (then
                    (local.set $q
                      (if (result f64) (f64.lt (local.get $u) (local.get $m))
                        (then (f64.sqrt (f64.mul (local.get $u) (local.get $m))))
                        (else (f64.sub (f64.const 1)
                          (f64.sqrt (f64.mul (f64.sub (f64.const 1) (local.get $u)) (f64.sub (f64.const 1) (local.get $m)))))))))
                  (else
                    ;; Bilinear read of the table, as in sampleDurations.
                    (local.set $uj (f64.mul (local.get $u) (f64.const 256)))
                    (local.set $j (i32.trunc_f64_s (local.get $uj)))
                    (local.set $uf (f64.sub (local.get $uj) (f64.convert_i32_s (local.get $j))))
                    (local.set $cell (i32.add (local.get $rowAt) (i32.shl (local.get $j) (i32.const 3))))
                    (local.set $t0 (f64.load (local.get $cell)))
                    (local.set $q0 (f64.add (local.get $t0)
                      (f64.mul (f64.sub (f64.load offset=8 (local.get $cell)) (local.get $t0)) (local.get $uf))))
                    (local.set $t0 (f64.load offset=2056 (local.get $cell)))
                    (local.set $q1 (f64.add (local.get $t0)
                      (f64.mul (f64.sub (f64.load offset=2064 (local.get $cell)) (local.get $t0)) (local.get $uf))))
                    (local.set $q (f64.add (local.get $q0) (f64.mul (f64.sub (local.get $q1) (local.get $q0)) (local.get $rf))))))
                (f64.store (local.get $at) (f64.add (local.get $lo) (f64.mul (local.get $r) (local.get $q))))))
            (local.set $at (i32.add (local.get $at) (i32.const 8)))
            (local.set $t (i32.add (local.get $t) (local.get $nBytes)))
            (br $lanes)))
        (local.set $v (i32.add (local.get $v) (i32.const 1)))
        (br $activities))))

    ;; compiled-network.ts `forwardPass` for a block of trials: early starts into es, early
  ;; finishes into ef, each trial's project finish into finish[b]. Link types as in network.ts
  ;; LINK: 0 FS, 1 SS, 2 FF, 3 SF. A bound wins when greater: pmax(x, y) = x < y ? y : x.
  (func (export "forward")
    (param $n i32) (param $stride i32) (param $start f64)
    (param $predStart i32) (param $pred i32) (param $predType i32) (param $predLag i32)
    (param $notBefore i32) (param $fixedStart i32)
    (param $dur i32) (param $es i32) (param $ef i32) (param $finish i32)
    (local $rowBytes i32) (local $k i32) (local $row i32) (local $x i32)
    (local $p i32) (local $pEnd i32) (local $type i32) (local $lag v128) (local $from i32)
    (local $floor f64) (local $fill v128) (local $f v128)
    (local.set $rowBytes (i32.shl (local.get $stride) (i32.const 3)))
    (local.set $fill (f64x2.splat (local.get $start)))
    (local.set $x (i32.const 0))
    (block $done (loop $init
      (br_if $done (i32.ge_u (local.get $x) (local.get $rowBytes)))
      (v128.store (i32.add (local.get $finish) (local.get $x)) (local.get $fill))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (br $init)))
    (block $activitiesDone
      (loop $activities
        (br_if $activitiesDone (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $row (i32.mul (local.get $k) (local.get $rowBytes)))
        (local.set $floor (f64.load (i32.add (local.get $fixedStart) (i32.shl (local.get $k) (i32.const 3)))))
        (if (f64.eq (local.get $floor) (local.get $floor))
          (then (local.set $fill (f64x2.splat (local.get $floor))))
          (else
            (local.set $floor (f64.load (i32.add (local.get $notBefore) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $fill (f64x2.splat
              (select (local.get $start) (local.get $floor) (f64.lt (local.get $floor) (local.get $start)))))))
        (local.set $x (i32.const 0))
        (block $filled (loop $fillRow
          (br_if $filled (i32.ge_u (local.get $x) (local.get $rowBytes)))
          (v128.store (i32.add (i32.add (local.get $es) (local.get $row)) (local.get $x)) (local.get $fill))
          (local.set $x (i32.add (local.get $x) (i32.const 16)))
          (br $fillRow)))
        ;; A fixed start wins over every link: skip them.
        (if (f64.ne (f64.load (i32.add (local.get $fixedStart) (i32.shl (local.get $k) (i32.const 3))))
                    (f64.load (i32.add (local.get $fixedStart) (i32.shl (local.get $k) (i32.const 3)))))
          (then
            (local.set $p (i32.load (i32.add (local.get $predStart) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $pEnd (i32.load offset=4 (i32.add (local.get $predStart) (i32.shl (local.get $k) (i32.const 2)))))
            (block $linksDone
              (loop $links
                (br_if $linksDone (i32.ge_u (local.get $p) (local.get $pEnd)))
                (local.set $type (i32.load8_u (i32.add (local.get $predType) (local.get $p))))
                (local.set $lag (f64x2.splat (f64.load (i32.add (local.get $predLag) (i32.shl (local.get $p) (i32.const 3))))))
                ;; $from - $row: the predecessor's row relative to this one.
                (local.set $from
                  (i32.sub (i32.mul (i32.load (i32.add (local.get $pred) (i32.shl (local.get $p) (i32.const 2)))) (local.get $rowBytes))
                    (local.get $row)))
                (local.set $x (local.get $row))
                (if (i32.eqz (local.get $type))
                  (then
                    (block $fsDone (loop $fs
                      (br_if $fsDone (i32.ge_u (i32.sub (local.get $x) (local.get $row)) (local.get $rowBytes)))
                      (v128.store (i32.add (local.get $es) (local.get $x))
                        (f64x2.pmax (v128.load (i32.add (local.get $es) (local.get $x)))
                          (f64x2.add (v128.load (i32.add (local.get $ef) (i32.add (local.get $x) (local.get $from)))) (local.get $lag))))
                      (local.set $x (i32.add (local.get $x) (i32.const 16)))
                      (br $fs))))
                  (else (if (i32.eq (local.get $type) (i32.const 1))
                    (then
                      (block $ssDone (loop $ss
                        (br_if $ssDone (i32.ge_u (i32.sub (local.get $x) (local.get $row)) (local.get $rowBytes)))
                        (v128.store (i32.add (local.get $es) (local.get $x))
                          (f64x2.pmax (v128.load (i32.add (local.get $es) (local.get $x)))
                            (f64x2.add (v128.load (i32.add (local.get $es) (i32.add (local.get $x) (local.get $from)))) (local.get $lag))))
                        (local.set $x (i32.add (local.get $x) (i32.const 16)))
                        (br $ss))))
                    (else (if (i32.eq (local.get $type) (i32.const 2))
                      (then
                        (block $ffDone (loop $ff
                          (br_if $ffDone (i32.ge_u (i32.sub (local.get $x) (local.get $row)) (local.get $rowBytes)))
                          (v128.store (i32.add (local.get $es) (local.get $x))
                            (f64x2.pmax (v128.load (i32.add (local.get $es) (local.get $x)))
                              (f64x2.sub
                                (f64x2.add (v128.load (i32.add (local.get $ef) (i32.add (local.get $x) (local.get $from)))) (local.get $lag))
                                (v128.load (i32.add (local.get $dur) (local.get $x))))))
                          (local.set $x (i32.add (local.get $x) (i32.const 16)))
                          (br $ff))))
                      (else
                        (block $sfDone (loop $sf
                          (br_if $sfDone (i32.ge_u (i32.sub (local.get $x) (local.get $row)) (local.get $rowBytes)))
                          (v128.store (i32.add (local.get $es) (local.get $x))
                            (f64x2.pmax (v128.load (i32.add (local.get $es) (local.get $x)))
                              (f64x2.sub
                                (f64x2.add (v128.load (i32.add (local.get $es) (i32.add (local.get $x) (local.get $from)))) (local.get $lag))
                                (v128.load (i32.add (local.get $dur) (local.get $x))))))
                          (local.set $x (i32.add (local.get $x) (i32.const 16)))
                          (br $sf)))))))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $links)))))
        ;; ef = es + duration; the project finish is the latest early finish.
        (local.set $x (i32.const 0))
        (block $finishesDone (loop $finishes
          (br_if $finishesDone (i32.ge_u (local.get $x) (local.get $rowBytes)))
          (local.set $f (f64x2.add
            (v128.load (i32.add (i32.add (local.get $es) (local.get $row)) (local.get $x)))
            (v128.load (i32.add (i32.add (local.get $dur) (local.get $row)) (local.get $x)))))
          (v128.store (i32.add (i32.add (local.get $ef) (local.get $row)) (local.get $x)) (local.get $f))
          (v128.store (i32.add (local.get $finish) (local.get $x))
            (f64x2.pmax (v128.load (i32.add (local.get $finish) (local.get $x))) (local.get $f)))
          (local.set $x (i32.add (local.get $x) (i32.const 16)))
          (br $finishes)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $activities))))
  ;; trial-blocks.ts `markCriticalBlock`'s first step: clears `critical` (n * stride bytes) and
  ;; marks, and pushes onto `stack` (i32 element indices), every activity that ends its trial's
  ;; project: ef >= finish[b] - epsilon. Returns how many were pushed.
  (func (export "seedCritical")
    (param $n i32) (param $width i32) (param $stride i32)
    (param $ef i32) (param $finish i32) (param $epsilon f64) (param $critical i32) (param $stack i32)
    (result i32)
    (local $k i32) (local $b i32) (local $i i32) (local $top i32)
    (memory.fill (local.get $critical) (i32.const 0) (i32.mul (local.get $n) (local.get $stride)))
    (block $done (loop $activities
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $b (i32.const 0))
      (local.set $i (i32.mul (local.get $k) (local.get $stride)))
      (block $lanesDone (loop $lanes
        (br_if $lanesDone (i32.ge_u (local.get $b) (local.get $width)))
        (if (f64.ge
              (f64.load (i32.add (local.get $ef) (i32.shl (local.get $i) (i32.const 3))))
              (f64.sub (f64.load (i32.add (local.get $finish) (i32.shl (local.get $b) (i32.const 3)))) (local.get $epsilon)))
          (then
            (i32.store8 (i32.add (local.get $critical) (local.get $i)) (i32.const 1))
            (i32.store (i32.add (local.get $stack) (i32.shl (local.get $top) (i32.const 2))) (local.get $i))
            (local.set $top (i32.add (local.get $top) (i32.const 1)))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $lanes)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $activities)))
    (local.get $top))

  ;; trial-blocks.ts statistics: per activity, adds the block's trials 0..width-1 to its critical
  ;; count and its sums of d, d² and d × finish, one trial after the other as the reference does.
  (func (export "record")
    (param $n i32) (param $width i32) (param $stride i32)
    (param $dur i32) (param $critical i32) (param $finish i32)
    (param $count i32) (param $sum i32) (param $sum2 i32) (param $sumF i32)
    (local $k i32) (local $b i32) (local $i i32) (local $at i32) (local $d f64)
    (local $c f64) (local $s1 f64) (local $s2 f64) (local $sf f64)
    (block $done (loop $activities
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $at (i32.shl (local.get $k) (i32.const 3)))
      (local.set $c (f64.load (i32.add (local.get $count) (local.get $at))))
      (local.set $s1 (f64.load (i32.add (local.get $sum) (local.get $at))))
      (local.set $s2 (f64.load (i32.add (local.get $sum2) (local.get $at))))
      (local.set $sf (f64.load (i32.add (local.get $sumF) (local.get $at))))
      (local.set $b (i32.const 0))
      (local.set $i (i32.mul (local.get $k) (local.get $stride)))
      (block $lanesDone (loop $lanes
        (br_if $lanesDone (i32.ge_u (local.get $b) (local.get $width)))
        (local.set $d (f64.load (i32.add (local.get $dur) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $c (f64.add (local.get $c) (f64.convert_i32_u (i32.load8_u (i32.add (local.get $critical) (local.get $i))))))
        (local.set $s1 (f64.add (local.get $s1) (local.get $d)))
        (local.set $s2 (f64.add (local.get $s2) (f64.mul (local.get $d) (local.get $d))))
        (local.set $sf (f64.add (local.get $sf)
          (f64.mul (local.get $d) (f64.load (i32.add (local.get $finish) (i32.shl (local.get $b) (i32.const 3)))))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $lanes)))
      (f64.store (i32.add (local.get $count) (local.get $at)) (local.get $c))
      (f64.store (i32.add (local.get $sum) (local.get $at)) (local.get $s1))
      (f64.store (i32.add (local.get $sum2) (local.get $at)) (local.get $s2))
      (f64.store (i32.add (local.get $sumF) (local.get $at)) (local.get $sf))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $activities))))
)
