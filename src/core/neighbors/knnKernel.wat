;; WebAssembly SIMD screening kernel of kNearest (src/core/neighbors/knn.ts, knnWasm.ts).
;; Built into knnKernel.wasm.ts by scripts/build-knn-wasm.mjs; edit this file, then rebuild.
;;
;; Memory (imported as env.mem, float32 / int32, little-endian):
;;   queries   row-major, row stride d floats, padded to a multiple of 4 rows
;;   refs      groups of 4 rows stored feature-major: group g = d vectors (f32x4), lane l = row 4g + l;
;;             padded to a multiple of 8 rows (2 groups)
;;   qn, rn    f32 squared norms per query / reference row
;;   thr       f32 per query: the screening threshold (worst squared distance, rounded up)
;;   out       i32 pairs (local query, local reference) of the candidates that pass
;;
;; thrR      (only with both != 0) f32 threshold per reference row, for the transposed direction
;;
;; screen: for every query quad × reference pair of groups (4 × 8 rows), 8 f32x4 accumulators hold
;; the dot products; a pair passes when (qn + rn) − 2·dot − c·(qn + rn) <= thr. Candidates are
;; written in order of (query quad, reference pair, query, lane), so for each query in ascending
;; reference order. With both != 0 (query set = reference set, off-diagonal tiles), the same value
;; is also tested against the reference row's own threshold thrR, and passing pairs are written with
;; 0x10000 added to the local query index (reference row j gets query row i as a candidate).
;; Returns the number of pairs written.
(module
  (import "env" "mem" (memory 1))

  (func $emit (param $out i32) (param $cnt i32) (param $bits i32) (param $i i32) (param $j0 i32) (result i32)
    (local $a i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $bits)))
        (local.set $a (i32.add (local.get $out) (i32.shl (local.get $cnt) (i32.const 3))))
        (i32.store (local.get $a) (local.get $i))
        (i32.store offset=4 (local.get $a) (i32.add (local.get $j0) (i32.ctz (local.get $bits))))
        (local.set $cnt (i32.add (local.get $cnt) (i32.const 1)))
        (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
        (br $next)))
    (local.get $cnt))

  (func (export "screen")
    (param $q i32) (param $nQuads i32) (param $r i32) (param $nPairs i32) (param $d i32)
    (param $qn i32) (param $rn i32) (param $thr i32) (param $out i32) (param $cs f32)
    (param $thrR i32) (param $both i32) (result i32)
    (local $cnt i32) (local $qq i32) (local $p i32) (local $t i32)
    (local $q0 i32) (local $q1 i32) (local $q2 i32) (local $q3 i32)
    (local $ra i32) (local $rb i32) (local $rowBytes i32) (local $groupBytes i32) (local $tEnd i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $va v128) (local $vb v128) (local $s v128) (local $c v128)
    (local $rna v128) (local $rnb v128) (local $qv v128) (local $tv v128)
    (local $m0 i32) (local $m1 i32) (local $m2 i32) (local $m3 i32) (local $qi i32) (local $j0 i32)
    (local $tra v128) (local $trb v128) (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32)
    (local.set $c (f32x4.splat (local.get $cs)))
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 2)))
    (local.set $groupBytes (i32.shl (local.get $d) (i32.const 4)))
    (local.set $tEnd (local.get $rowBytes))
    (local.set $qq (i32.const 0))
    (block $qdone
      (loop $qloop
        (br_if $qdone (i32.ge_u (local.get $qq) (local.get $nQuads)))
        (local.set $q0 (i32.add (local.get $q) (i32.mul (local.get $qq) (i32.shl (local.get $rowBytes) (i32.const 2)))))
        (local.set $q1 (i32.add (local.get $q0) (local.get $rowBytes)))
        (local.set $q2 (i32.add (local.get $q1) (local.get $rowBytes)))
        (local.set $q3 (i32.add (local.get $q2) (local.get $rowBytes)))
        (local.set $qi (i32.shl (local.get $qq) (i32.const 2)))
        (local.set $p (i32.const 0))
        (block $pdone
          (loop $ploop
            (br_if $pdone (i32.ge_u (local.get $p) (local.get $nPairs)))
            (local.set $ra (i32.add (local.get $r) (i32.mul (local.get $p) (i32.shl (local.get $groupBytes) (i32.const 1)))))
            (local.set $rb (i32.add (local.get $ra) (local.get $groupBytes)))
            (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $b0 (v128.const i32x4 0 0 0 0)) (local.set $b1 (v128.const i32x4 0 0 0 0))
            (local.set $b2 (v128.const i32x4 0 0 0 0)) (local.set $b3 (v128.const i32x4 0 0 0 0))
            (local.set $t (i32.const 0))
            (loop $tloop
              (local.set $va (v128.load (i32.add (local.get $ra) (i32.shl (local.get $t) (i32.const 2)))))
              (local.set $vb (v128.load (i32.add (local.get $rb) (i32.shl (local.get $t) (i32.const 2)))))
              (local.set $s (v128.load32_splat (i32.add (local.get $q0) (local.get $t))))
              (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (local.get $va))))
              (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (local.get $s) (local.get $vb))))
              (local.set $s (v128.load32_splat (i32.add (local.get $q1) (local.get $t))))
              (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (local.get $va))))
              (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (local.get $s) (local.get $vb))))
              (local.set $s (v128.load32_splat (i32.add (local.get $q2) (local.get $t))))
              (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $s) (local.get $va))))
              (local.set $b2 (f32x4.add (local.get $b2) (f32x4.mul (local.get $s) (local.get $vb))))
              (local.set $s (v128.load32_splat (i32.add (local.get $q3) (local.get $t))))
              (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $s) (local.get $va))))
              (local.set $b3 (f32x4.add (local.get $b3) (f32x4.mul (local.get $s) (local.get $vb))))
              (br_if $tloop (i32.lt_u (local.tee $t (i32.add (local.get $t) (i32.const 4))) (local.get $tEnd))))
            (local.set $rna (v128.load (i32.add (local.get $rn) (i32.shl (local.get $p) (i32.const 5)))))
            (local.set $rnb (v128.load offset=16 (i32.add (local.get $rn) (i32.shl (local.get $p) (i32.const 5)))))
            ;; query 0: a0, b0 := (qn + rn) − 2·dot − c·(qn + rn), the screening values
            (local.set $qv (f32x4.splat (f32.load (i32.add (local.get $qn) (i32.shl (local.get $qi) (i32.const 2))))))
            (local.set $s (f32x4.add (local.get $qv) (local.get $rna)))
            (local.set $a0 (f32x4.sub (f32x4.sub (local.get $s) (f32x4.add (local.get $a0) (local.get $a0))) (f32x4.mul (local.get $s) (local.get $c))))
            (local.set $s (f32x4.add (local.get $qv) (local.get $rnb)))
            (local.set $b0 (f32x4.sub (f32x4.sub (local.get $s) (f32x4.add (local.get $b0) (local.get $b0))) (f32x4.mul (local.get $s) (local.get $c))))
            (local.set $tv (f32x4.splat (f32.load (i32.add (local.get $thr) (i32.shl (local.get $qi) (i32.const 2))))))
            (local.set $m0 (i32.or (i32x4.bitmask (f32x4.le (local.get $a0) (local.get $tv)))
              (i32.shl (i32x4.bitmask (f32x4.le (local.get $b0) (local.get $tv))) (i32.const 4))))
            ;; query 1: a1, b1 := (qn + rn) − 2·dot − c·(qn + rn), the screening values
            (local.set $qv (f32x4.splat (f32.load offset=4 (i32.add (local.get $qn) (i32.shl (local.get $qi) (i32.const 2))))))
            (local.set $s (f32x4.add (local.get $qv) (local.get $rna)))
            (local.set $a1 (f32x4.sub (f32x4.sub (local.get $s) (f32x4.add (local.get $a1) (local.get $a1))) (f32x4.mul (local.get $s) (local.get $c))))
            (local.set $s (f32x4.add (local.get $qv) (local.get $rnb)))
            (local.set $b1 (f32x4.sub (f32x4.sub (local.get $s) (f32x4.add (local.get $b1) (local.get $b1))) (f32x4.mul (local.get $s) (local.get $c))))
            (local.set $tv (f32x4.splat (f32.load offset=4 (i32.add (local.get $thr) (i32.shl (local.get $qi) (i32.const 2))))))
            (local.set $m1 (i32.or (i32x4.bitmask (f32x4.le (local.get $a1) (local.get $tv)))
              (i32.shl (i32x4.bitmask (f32x4.le (local.get $b1) (local.get $tv))) (i32.const 4))))
            ;; query 2: a2, b2 := (qn + rn) − 2·dot − c·(qn + rn), the screening values
            (local.set $qv (f32x4.splat (f32.load offset=8 (i32.add (local.get $qn) (i32.shl (local.get $qi) (i32.const 2))))))
            (local.set $s (f32x4.add (local.get $qv) (local.get $rna)))
            (local.set $a2 (f32x4.sub (f32x4.sub (local.get $s) (f32x4.add (local.get $a2) (local.get $a2))) (f32x4.mul (local.get $s) (local.get $c))))
            (local.set $s (f32x4.add (local.get $qv) (local.get $rnb)))
            (local.set $b2 (f32x4.sub (f32x4.sub (local.get $s) (f32x4.add (local.get $b2) (local.get $b2))) (f32x4.mul (local.get $s) (local.get $c))))
            (local.set $tv (f32x4.splat (f32.load offset=8 (i32.add (local.get $thr) (i32.shl (local.get $qi) (i32.const 2))))))
            (local.set $m2 (i32.or (i32x4.bitmask (f32x4.le (local.get $a2) (local.get $tv)))
              (i32.shl (i32x4.bitmask (f32x4.le (local.get $b2) (local.get $tv))) (i32.const 4))))
            ;; query 3: a3, b3 := (qn + rn) − 2·dot − c·(qn + rn), the screening values
            (local.set $qv (f32x4.splat (f32.load offset=12 (i32.add (local.get $qn) (i32.shl (local.get $qi) (i32.const 2))))))
            (local.set $s (f32x4.add (local.get $qv) (local.get $rna)))
            (local.set $a3 (f32x4.sub (f32x4.sub (local.get $s) (f32x4.add (local.get $a3) (local.get $a3))) (f32x4.mul (local.get $s) (local.get $c))))
            (local.set $s (f32x4.add (local.get $qv) (local.get $rnb)))
            (local.set $b3 (f32x4.sub (f32x4.sub (local.get $s) (f32x4.add (local.get $b3) (local.get $b3))) (f32x4.mul (local.get $s) (local.get $c))))
            (local.set $tv (f32x4.splat (f32.load offset=12 (i32.add (local.get $thr) (i32.shl (local.get $qi) (i32.const 2))))))
            (local.set $m3 (i32.or (i32x4.bitmask (f32x4.le (local.get $a3) (local.get $tv)))
              (i32.shl (i32x4.bitmask (f32x4.le (local.get $b3) (local.get $tv))) (i32.const 4))))
            (if (i32.or (i32.or (local.get $m0) (local.get $m1)) (i32.or (local.get $m2) (local.get $m3)))
              (then
                (local.set $j0 (i32.shl (local.get $p) (i32.const 3)))
                (local.set $cnt (call $emit (local.get $out) (local.get $cnt) (local.get $m0) (local.get $qi) (local.get $j0)))
                (local.set $cnt (call $emit (local.get $out) (local.get $cnt) (local.get $m1) (i32.add (local.get $qi) (i32.const 1)) (local.get $j0)))
                (local.set $cnt (call $emit (local.get $out) (local.get $cnt) (local.get $m2) (i32.add (local.get $qi) (i32.const 2)) (local.get $j0)))
                (local.set $cnt (call $emit (local.get $out) (local.get $cnt) (local.get $m3) (i32.add (local.get $qi) (i32.const 3)) (local.get $j0)))))
            (if (local.get $both)
              (then
                (local.set $tra (v128.load (i32.add (local.get $thrR) (i32.shl (local.get $p) (i32.const 5)))))
                (local.set $trb (v128.load offset=16 (i32.add (local.get $thrR) (i32.shl (local.get $p) (i32.const 5)))))
                (local.set $x0 (i32.or (i32x4.bitmask (f32x4.le (local.get $a0) (local.get $tra)))
                  (i32.shl (i32x4.bitmask (f32x4.le (local.get $b0) (local.get $trb))) (i32.const 4))))
                (local.set $x1 (i32.or (i32x4.bitmask (f32x4.le (local.get $a1) (local.get $tra)))
                  (i32.shl (i32x4.bitmask (f32x4.le (local.get $b1) (local.get $trb))) (i32.const 4))))
                (local.set $x2 (i32.or (i32x4.bitmask (f32x4.le (local.get $a2) (local.get $tra)))
                  (i32.shl (i32x4.bitmask (f32x4.le (local.get $b2) (local.get $trb))) (i32.const 4))))
                (local.set $x3 (i32.or (i32x4.bitmask (f32x4.le (local.get $a3) (local.get $tra)))
                  (i32.shl (i32x4.bitmask (f32x4.le (local.get $b3) (local.get $trb))) (i32.const 4))))
                (if (i32.or (i32.or (local.get $x0) (local.get $x1)) (i32.or (local.get $x2) (local.get $x3)))
                  (then
                    (local.set $j0 (i32.shl (local.get $p) (i32.const 3)))
                    (local.set $cnt (call $emit (local.get $out) (local.get $cnt) (local.get $x0) (i32.or (local.get $qi) (i32.const 0x10000)) (local.get $j0)))
                    (local.set $cnt (call $emit (local.get $out) (local.get $cnt) (local.get $x1) (i32.or (i32.add (local.get $qi) (i32.const 1)) (i32.const 0x10000)) (local.get $j0)))
                    (local.set $cnt (call $emit (local.get $out) (local.get $cnt) (local.get $x2) (i32.or (i32.add (local.get $qi) (i32.const 2)) (i32.const 0x10000)) (local.get $j0)))
                    (local.set $cnt (call $emit (local.get $out) (local.get $cnt) (local.get $x3) (i32.or (i32.add (local.get $qi) (i32.const 3)) (i32.const 0x10000)) (local.get $j0)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $ploop)))
        (local.set $qq (i32.add (local.get $qq) (i32.const 1)))
        (br $qloop)))
    (local.get $cnt)))
