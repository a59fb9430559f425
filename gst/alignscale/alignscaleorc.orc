# alignscale per-line kernels (ORC). Each program equals, bit for bit, the
# portable C reference in kernels.c (see kernels.h for the fixed-point
# contract); tests/check/libs/kernels.c compares them on random lines.
# Only opcodes with SSE and NEON rules (no ldreslin*/ldresnear*).
#
# 8-bit samples, weights int16 with 14 fractional bits:
#   first pass  u8 -> int16 intermediate: (sum + 128) >> 8
#   second pass int16 -> u8: (sum + (1 << 19)) >> 20, clamped to 0..255
#
# The 2-tap programs compute the same integers in 16-bit lanes (ORC runs
# 8 lanes per SSE register for 16-bit temporaries, 4 for 32-bit ones).
# They take only w1: every table row sums to one, so w0 = 2^14 - w1 and
#   s0 w0 + s1 w1 = s0 2^14 + (s1 - s0) w1.
# The 32-bit product P = d w1 comes as hi = mulhsw, lo = mullw (unsigned):
#   first pass:  (s0 2^14 + P + 128) >> 8
#              = 64 s0 + 256 hi + (lo >> 8) + ((lo >> 7) & 1)
#   second pass, with s0 = 64 q + r (q = s0 >> 6, r = s0 & 63):
#     (s0 2^14 + P + 2^19) >> 20
#              = q + ((hi + 8 + (r >> 2) + c) >> 4),
#     c = ((lo >> 2) + ((r & 3) << 12)) >> 14 (the carry out of the low
#     16 bits). 16-bit sums wrap, and the results fit (kernels.h ranges).
# The 4-tap first pass does the same around the second tap (w2 implied):
#   64 s2 + 256 (hi1 + hi3 + hi4) + sum (lo_k >> 8)
#        + ((sum (lo_k & 255) + 128) >> 8)

# ---- vertical, first pass: u8 lines -> int16, weights as parameters

.function as_orc_v2_u8_i16
.dest 2 d1 int16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.param 2 p2 int16_t
.temp 2 a
.temp 2 d
.temp 2 h
.temp 2 l
.temp 2 t
convubw a, s1
convubw d, s2
subw d, d, a
mulhsw h, d, p2
mullw l, d, p2
shlw a, a, 6
shlw h, h, 8
addw a, a, h
shruw t, l, 8
addw a, a, t
shruw l, l, 7
andw l, l, 1
addw d1, a, l

.function as_orc_v4_u8_i16
.dest 2 d1 int16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 1 s3 uint8_t
.source 1 s4 uint8_t
.param 2 p1 int16_t
.param 2 p3 int16_t
.param 2 p4 int16_t
.temp 2 b
.temp 2 d0
.temp 2 d2
.temp 2 d3
.temp 2 h
.temp 2 t
.temp 2 l0
.temp 2 l2
.temp 2 l3
convubw b, s2
convubw d0, s1
subw d0, d0, b
convubw d2, s3
subw d2, d2, b
convubw d3, s4
subw d3, d3, b
mulhsw h, d0, p1
mullw l0, d0, p1
mulhsw t, d2, p3
addw h, h, t
mullw l2, d2, p3
mulhsw t, d3, p4
addw h, h, t
mullw l3, d3, p4
shlw b, b, 6
shlw h, h, 8
addw b, b, h
shruw t, l0, 8
addw b, b, t
shruw t, l2, 8
addw b, b, t
shruw t, l3, 8
addw b, b, t
andw l0, l0, 255
andw l2, l2, 255
andw l3, l3, 255
addw l0, l0, l2
addw l0, l0, l3
addw l0, l0, 128
shruw l0, l0, 8
addw d1, b, l0

# any number of taps: an int32 accumulator line

.function as_orc_v_u8_acc_init
.dest 4 d1 int32_t
.source 1 s1 uint8_t
.param 2 p1 int16_t
.temp 2 t
convubw t, s1
mulswl d1, t, p1

.function as_orc_v_u8_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 1 s1 uint8_t
.param 2 p1 int16_t
.temp 2 t
.temp 4 b
convubw t, s1
mulswl b, t, p1
addl d1, a1, b

.function as_orc_acc_to_i16
.dest 2 d1 int16_t
.source 4 a1 int32_t
.temp 4 a
addl a, a1, 128
shrsl a, a, 8
convlw d1, a

# ---- vertical, second pass: int16 lines -> u8

.function as_orc_v2_i16_u8
.dest 1 d1 uint8_t
.source 2 s1 int16_t
.source 2 s2 int16_t
.param 2 p2 int16_t
.temp 2 e
.temp 2 h
.temp 2 l
.temp 2 r
.temp 2 t
.temp 2 q
subw e, s2, s1
mulhsw h, e, p2
mullw l, e, p2
andw r, s1, 63
shrsw q, s1, 6
shruw l, l, 2
andw t, r, 3
shlw t, t, 12
addw l, l, t
shruw l, l, 14
shruw r, r, 2
addw h, h, r
addw h, h, l
addw h, h, 8
shrsw h, h, 4
addw q, q, h
convsuswb d1, q

.function as_orc_v4_i16_u8
.dest 1 d1 uint8_t
.source 2 s1 int16_t
.source 2 s2 int16_t
.source 2 s3 int16_t
.source 2 s4 int16_t
.param 2 p1 int16_t
.param 2 p2 int16_t
.param 2 p3 int16_t
.param 2 p4 int16_t
.temp 4 a
.temp 4 b
.temp 2 c
mulswl a, s1, p1
mulswl b, s2, p2
addl a, a, b
mulswl b, s3, p3
addl a, a, b
mulswl b, s4, p4
addl a, a, b
addl a, a, 524288
shrsl a, a, 20
convssslw c, a
convsuswb d1, c

.function as_orc_v_i16_acc_init
.dest 4 d1 int32_t
.source 2 s1 int16_t
.param 2 p1 int16_t
mulswl d1, s1, p1

.function as_orc_v_i16_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 2 s1 int16_t
.param 2 p1 int16_t
.temp 4 b
mulswl b, s1, p1
addl d1, a1, b

.function as_orc_acc_to_u8
.dest 1 d1 uint8_t
.source 4 a1 int32_t
.temp 4 a
.temp 2 c
addl a, a1, 524288
shrsl a, a, 20
convssslw c, a
convsuswb d1, c

# ---- horizontal: taps gathered into contiguous lines (C), one weight per
# sample (replicated over the channels of a pixel)

.function as_orc_h2_u8_i16
.dest 2 d1 int16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 2 w2 int16_t
.temp 2 a
.temp 2 d
.temp 2 h
.temp 2 l
.temp 2 t
convubw a, s1
convubw d, s2
subw d, d, a
mulhsw h, d, w2
mullw l, d, w2
shlw a, a, 6
shlw h, h, 8
addw a, a, h
shruw t, l, 8
addw a, a, t
shruw l, l, 7
andw l, l, 1
addw d1, a, l

.function as_orc_h4_u8_i16
.dest 2 d1 int16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 1 s3 uint8_t
.source 1 s4 uint8_t
.source 2 w1 int16_t
.source 2 w3 int16_t
.source 2 w4 int16_t
.temp 2 b
.temp 2 d0
.temp 2 d2
.temp 2 d3
.temp 2 h
.temp 2 t
.temp 2 l0
.temp 2 l2
.temp 2 l3
convubw b, s2
convubw d0, s1
subw d0, d0, b
convubw d2, s3
subw d2, d2, b
convubw d3, s4
subw d3, d3, b
mulhsw h, d0, w1
mullw l0, d0, w1
mulhsw t, d2, w3
addw h, h, t
mullw l2, d2, w3
mulhsw t, d3, w4
addw h, h, t
mullw l3, d3, w4
shlw b, b, 6
shlw h, h, 8
addw b, b, h
shruw t, l0, 8
addw b, b, t
shruw t, l2, 8
addw b, b, t
shruw t, l3, 8
addw b, b, t
andw l0, l0, 255
andw l2, l2, 255
andw l3, l3, 255
addw l0, l0, l2
addw l0, l0, l3
addw l0, l0, 128
shruw l0, l0, 8
addw d1, b, l0

.function as_orc_h_u8_acc_init
.dest 4 d1 int32_t
.source 1 s1 uint8_t
.source 2 w1 int16_t
.temp 2 t
convubw t, s1
mulswl d1, t, w1

.function as_orc_h_u8_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 1 s1 uint8_t
.source 2 w1 int16_t
.temp 2 t
.temp 4 b
convubw t, s1
mulswl b, t, w1
addl d1, a1, b

.function as_orc_h2_i16_u8
.dest 1 d1 uint8_t
.source 2 s1 int16_t
.source 2 s2 int16_t
.source 2 w2 int16_t
.temp 2 e
.temp 2 h
.temp 2 l
.temp 2 r
.temp 2 t
.temp 2 q
subw e, s2, s1
mulhsw h, e, w2
mullw l, e, w2
andw r, s1, 63
shrsw q, s1, 6
shruw l, l, 2
andw t, r, 3
shlw t, t, 12
addw l, l, t
shruw l, l, 14
shruw r, r, 2
addw h, h, r
addw h, h, l
addw h, h, 8
shrsw h, h, 4
addw q, q, h
convsuswb d1, q

.function as_orc_h4_i16_u8
.dest 1 d1 uint8_t
.source 2 s1 int16_t
.source 2 s2 int16_t
.source 2 s3 int16_t
.source 2 s4 int16_t
.source 2 w1 int16_t
.source 2 w3 int16_t
.source 2 w4 int16_t
.temp 4 a
.temp 4 b
.temp 2 c
.temp 2 w2
subw w2, 16384, w1
subw w2, w2, w3
subw w2, w2, w4
mulswl a, s1, w1
mulswl b, s2, w2
addl a, a, b
mulswl b, s3, w3
addl a, a, b
mulswl b, s4, w4
addl a, a, b
addl a, a, 524288
shrsl a, a, 20
convssslw c, a
convsuswb d1, c

.function as_orc_h_i16_acc_init
.dest 4 d1 int32_t
.source 2 s1 int16_t
.source 2 w1 int16_t
mulswl d1, s1, w1

.function as_orc_h_i16_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 2 s1 int16_t
.source 2 w1 int16_t
.temp 4 b
mulswl b, s1, w1
addl d1, a1, b

# ---- exact 2x downscale, bilinear half-pixel on both axes: the tables are
# (1/2, 1/2) at offsets 2i, and the reference's integers reduce to
# (a + b + c + d + 2) >> 2: the first pass gives (a + b) 32 exactly, the
# second (A 2^13 + B 2^13 + 2^19) >> 20 = (A + B + 64) >> 7. Sources are
# pairs of input pixels (little-endian); rows 2j and 2j + 1.

.function as_orc_box2_u8_c1
.dest 1 d1 uint8_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.temp 1 a
.temp 2 x
.temp 2 y
select0wb a, s1
convubw x, a
select1wb a, s1
convubw y, a
addw x, x, y
select0wb a, s2
convubw y, a
addw x, x, y
select1wb a, s2
convubw y, a
addw x, x, y
addw x, x, 2
shruw x, x, 2
convwb d1, x

.function as_orc_box2_u8_c2
.dest 2 d1 uint16_t
.source 4 s1 uint32_t
.source 4 s2 uint32_t
.temp 2 p
.temp 1 a
.temp 2 u
.temp 2 v
.temp 2 t
.temp 1 ub
.temp 1 vb
select0lw p, s1
select0wb a, p
convubw u, a
select1wb a, p
convubw v, a
select1lw p, s1
select0wb a, p
convubw t, a
addw u, u, t
select1wb a, p
convubw t, a
addw v, v, t
select0lw p, s2
select0wb a, p
convubw t, a
addw u, u, t
select1wb a, p
convubw t, a
addw v, v, t
select1lw p, s2
select0wb a, p
convubw t, a
addw u, u, t
select1wb a, p
convubw t, a
addw v, v, t
addw u, u, 2
shruw u, u, 2
convwb ub, u
addw v, v, 2
shruw v, v, 2
convwb vb, v
mergebw d1, ub, vb

# ---- the lerp model (kernels.h), 8-bit bilinear: uint16 intermediate
# with 8 fractional bits and a half,
#   lerp (b, o, w) = b - mulhuw (b, w) + mulhuw (o, w)
# first pass from (s << 8 | 128) = mergebw (128, s), second pass keeps
# the high byte (convhwb). Weights are uint16 (< 2^16).

.function as_orc_lerp_v_u8_u16
.dest 2 d1 uint16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.param 2 p1 int16_t
.temp 2 b
.temp 2 o
.temp 2 t
mergebw b, 128, s1
mergebw o, 128, s2
mulhuw t, b, p1
subw b, b, t
mulhuw t, o, p1
addw d1, b, t

.function as_orc_lerp_v_u16_u8
.dest 1 d1 uint8_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.param 2 p1 int16_t
.temp 2 b
.temp 2 t
mulhuw t, s1, p1
subw b, s1, t
mulhuw t, s2, p1
addw b, b, t
convhwb d1, b

.function as_orc_lerp_h_u8_u16
.dest 2 d1 uint16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 2 w1 uint16_t
.temp 2 b
.temp 2 o
.temp 2 t
mergebw b, 128, s1
mergebw o, 128, s2
mulhuw t, b, w1
subw b, b, t
mulhuw t, o, w1
addw d1, b, t

.function as_orc_lerp_h_u16_u8
.dest 1 d1 uint8_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.source 2 w1 uint16_t
.temp 2 b
.temp 2 t
mulhuw t, s1, w1
subw b, s1, t
mulhuw t, s2, w1
addw b, b, t
convhwb d1, b

# ---- the lerp model for 16-bit samples: uint32 intermediate with 16
# fractional bits plus a half, (s << 16 | 32768) = mergewl (32768, s),
# 32-bit weights, mulhul; the second pass keeps the high half (select1lw)

.function as_orc_lerp_v_u16_u32
.dest 4 d1 uint32_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.param 4 p1 int32_t
.temp 4 b
.temp 4 o
.temp 4 t
mergewl b, 32768, s1
mergewl o, 32768, s2
mulhul t, b, p1
subl b, b, t
mulhul t, o, p1
addl d1, b, t

.function as_orc_lerp_v_u32_u16
.dest 2 d1 uint16_t
.source 4 s1 uint32_t
.source 4 s2 uint32_t
.param 4 p1 int32_t
.temp 4 b
.temp 4 t
mulhul t, s1, p1
subl b, s1, t
mulhul t, s2, p1
addl b, b, t
select1lw d1, b

.function as_orc_lerp_h_u16_u32
.dest 4 d1 uint32_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.source 4 w1 uint32_t
.temp 4 b
.temp 4 o
.temp 4 t
mergewl b, 32768, s1
mergewl o, 32768, s2
mulhul t, b, w1
subl b, b, t
mulhul t, o, w1
addl d1, b, t

.function as_orc_lerp_h_u32_u16
.dest 2 d1 uint16_t
.source 4 s1 uint32_t
.source 4 s2 uint32_t
.source 4 w1 uint32_t
.temp 4 b
.temp 4 t
mulhul t, s1, w1
subl b, s1, t
mulhul t, s2, w1
addl b, b, t
select1lw d1, b

# ---- 16-bit samples, general tables (kernels.h): weights int32 with 30
# fractional bits, products keep their high half (mulhsl: pmuldq, SSE4.1)
#   first pass  I = sum mulhsl (s << 15, w), 13 fractional bits
#   second pass (sum mulhsl (I << 1, w) + 2^11) >> 12, saturated to u16
# The horizontal 4-tap programs take w2 = 2^30 - w1 - w3 - w4 (seven
# arrays: orc-test 0.4.33 crashes on eight).

.function as_orc_v4_u16_i32
.dest 4 d1 int32_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.source 2 s3 uint16_t
.source 2 s4 uint16_t
.param 4 p1 int32_t
.param 4 p2 int32_t
.param 4 p3 int32_t
.param 4 p4 int32_t
.temp 4 a
.temp 4 b
convuwl a, s1
shll a, a, 15
mulhsl a, a, p1
convuwl b, s2
shll b, b, 15
mulhsl b, b, p2
addl a, a, b
convuwl b, s3
shll b, b, 15
mulhsl b, b, p3
addl a, a, b
convuwl b, s4
shll b, b, 15
mulhsl b, b, p4
addl d1, a, b

.function as_orc_v4_i32_u16
.dest 2 d1 uint16_t
.source 4 s1 int32_t
.source 4 s2 int32_t
.source 4 s3 int32_t
.source 4 s4 int32_t
.param 4 p1 int32_t
.param 4 p2 int32_t
.param 4 p3 int32_t
.param 4 p4 int32_t
.temp 4 a
.temp 4 b
shll a, s1, 1
mulhsl a, a, p1
shll b, s2, 1
mulhsl b, b, p2
addl a, a, b
shll b, s3, 1
mulhsl b, b, p3
addl a, a, b
shll b, s4, 1
mulhsl b, b, p4
addl a, a, b
addl a, a, 2048
shrsl a, a, 12
convsuslw d1, a

.function as_orc_v_u16_acc_init
.dest 4 d1 int32_t
.source 2 s1 uint16_t
.param 4 p1 int32_t
.temp 4 t
convuwl t, s1
shll t, t, 15
mulhsl d1, t, p1

.function as_orc_v_u16_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 2 s1 uint16_t
.param 4 p1 int32_t
.temp 4 t
convuwl t, s1
shll t, t, 15
mulhsl t, t, p1
addl d1, a1, t

.function as_orc_v_i32_acc_init
.dest 4 d1 int32_t
.source 4 s1 int32_t
.param 4 p1 int32_t
.temp 4 t
shll t, s1, 1
mulhsl d1, t, p1

.function as_orc_v_i32_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 4 s1 int32_t
.param 4 p1 int32_t
.temp 4 t
shll t, s1, 1
mulhsl t, t, p1
addl d1, a1, t

.function as_orc_acc_to_u16
.dest 2 d1 uint16_t
.source 4 a1 int32_t
.temp 4 t
addl t, a1, 2048
shrsl t, t, 12
convsuslw d1, t

.function as_orc_h4_u16_i32
.dest 4 d1 int32_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.source 2 s3 uint16_t
.source 2 s4 uint16_t
.source 4 w1 int32_t
.source 4 w3 int32_t
.source 4 w4 int32_t
.temp 4 a
.temp 4 b
.temp 4 w2
subl w2, 1073741824, w1
subl w2, w2, w3
subl w2, w2, w4
convuwl a, s1
shll a, a, 15
mulhsl a, a, w1
convuwl b, s2
shll b, b, 15
mulhsl b, b, w2
addl a, a, b
convuwl b, s3
shll b, b, 15
mulhsl b, b, w3
addl a, a, b
convuwl b, s4
shll b, b, 15
mulhsl b, b, w4
addl d1, a, b

.function as_orc_h4_i32_u16
.dest 2 d1 uint16_t
.source 4 s1 int32_t
.source 4 s2 int32_t
.source 4 s3 int32_t
.source 4 s4 int32_t
.source 4 w1 int32_t
.source 4 w3 int32_t
.source 4 w4 int32_t
.temp 4 a
.temp 4 b
.temp 4 w2
subl w2, 1073741824, w1
subl w2, w2, w3
subl w2, w2, w4
shll a, s1, 1
mulhsl a, a, w1
shll b, s2, 1
mulhsl b, b, w2
addl a, a, b
shll b, s3, 1
mulhsl b, b, w3
addl a, a, b
shll b, s4, 1
mulhsl b, b, w4
addl a, a, b
addl a, a, 2048
shrsl a, a, 12
convsuslw d1, a

.function as_orc_h_u16_acc_init
.dest 4 d1 int32_t
.source 2 s1 uint16_t
.source 4 w1 int32_t
.temp 4 t
convuwl t, s1
shll t, t, 15
mulhsl d1, t, w1

.function as_orc_h_u16_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 2 s1 uint16_t
.source 4 w1 int32_t
.temp 4 t
convuwl t, s1
shll t, t, 15
mulhsl t, t, w1
addl d1, a1, t

.function as_orc_h_i32_acc_init
.dest 4 d1 int32_t
.source 4 s1 int32_t
.source 4 w1 int32_t
.temp 4 t
shll t, s1, 1
mulhsl d1, t, w1

.function as_orc_h_i32_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 4 s1 int32_t
.source 4 w1 int32_t
.temp 4 t
shll t, s1, 1
mulhsl t, t, w1
addl d1, a1, t

# ---- lerp on one axis only (the other is the identity): both passes in
# one, lerp (b << 8 | 128, o << 8 | 128, w) >> 8, the same bytes as the
# two passes with w = 0 on the identity axis

.function as_orc_lerp_v_u8_u8
.dest 1 d1 uint8_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.param 2 p1 int16_t
.temp 2 b
.temp 2 o
.temp 2 t
mergebw b, 128, s1
mergebw o, 128, s2
mulhuw t, b, p1
subw b, b, t
mulhuw t, o, p1
addw b, b, t
convhwb d1, b

.function as_orc_lerp_h_u8_u8
.dest 1 d1 uint8_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 2 w1 uint16_t
.temp 2 b
.temp 2 o
.temp 2 t
mergebw b, 128, s1
mergebw o, 128, s2
mulhuw t, b, w1
subw b, b, t
mulhuw t, o, w1
addw b, b, t
convhwb d1, b

# ---- many taps (antialias windows): four vertical taps per pass over the
# int32 accumulator line, two horizontal ones (seven arrays at most). The
# sums are exact integers, so grouping the taps changes nothing.

.function as_orc_v_u8_acc_init4
.dest 4 d1 int32_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 1 s3 uint8_t
.source 1 s4 uint8_t
.param 2 p1 int16_t
.param 2 p2 int16_t
.param 2 p3 int16_t
.param 2 p4 int16_t
.temp 2 t
.temp 4 b
.temp 4 c
convubw t, s1
mulswl c, t, p1
convubw t, s2
mulswl b, t, p2
addl c, c, b
convubw t, s3
mulswl b, t, p3
addl c, c, b
convubw t, s4
mulswl b, t, p4
addl d1, c, b

.function as_orc_v_u8_acc_add4
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 1 s3 uint8_t
.source 1 s4 uint8_t
.param 2 p1 int16_t
.param 2 p2 int16_t
.param 2 p3 int16_t
.param 2 p4 int16_t
.temp 2 t
.temp 4 b
.temp 4 c
convubw t, s1
mulswl b, t, p1
addl c, a1, b
convubw t, s2
mulswl b, t, p2
addl c, c, b
convubw t, s3
mulswl b, t, p3
addl c, c, b
convubw t, s4
mulswl b, t, p4
addl d1, c, b

.function as_orc_v_i16_acc_init4
.dest 4 d1 int32_t
.source 2 s1 int16_t
.source 2 s2 int16_t
.source 2 s3 int16_t
.source 2 s4 int16_t
.param 2 p1 int16_t
.param 2 p2 int16_t
.param 2 p3 int16_t
.param 2 p4 int16_t
.temp 4 b
.temp 4 c
mulswl c, s1, p1
mulswl b, s2, p2
addl c, c, b
mulswl b, s3, p3
addl c, c, b
mulswl b, s4, p4
addl d1, c, b

.function as_orc_v_i16_acc_add4
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 2 s1 int16_t
.source 2 s2 int16_t
.source 2 s3 int16_t
.source 2 s4 int16_t
.param 2 p1 int16_t
.param 2 p2 int16_t
.param 2 p3 int16_t
.param 2 p4 int16_t
.temp 4 b
.temp 4 c
mulswl b, s1, p1
addl c, a1, b
mulswl b, s2, p2
addl c, c, b
mulswl b, s3, p3
addl c, c, b
mulswl b, s4, p4
addl d1, c, b

.function as_orc_h_u8_acc_add2
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 2 w1 int16_t
.source 2 w2 int16_t
.temp 2 t
.temp 4 b
.temp 4 c
convubw t, s1
mulswl b, t, w1
addl c, a1, b
convubw t, s2
mulswl b, t, w2
addl d1, c, b

.function as_orc_h_i16_acc_add2
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 2 s1 int16_t
.source 2 s2 int16_t
.source 2 w1 int16_t
.source 2 w2 int16_t
.temp 4 b
.temp 4 c
mulswl b, s1, w1
addl c, a1, b
mulswl b, s2, w2
addl d1, c, b

# ---- the sum model (kernels.h), 8-bit antialias tables: non-negative
# uint16 weights summing to 2^16, any number of taps, uint16 sums that
# keep the high half of each product (pmulhuw):
#   first pass  I = bias + sum mulhuw (s << 8, w)     (8 fractional bits)
#   second pass out = (128 + bias + sum mulhuw (I, w)) >> 8
# The accumulator is a uint16 line, bias and rounding come as its start.

.function as_orc_sum_init
.dest 2 d1 uint16_t
.param 2 p1 uint16_t
copyw d1, p1

.function as_orc_sum_to_u8
.dest 1 d1 uint8_t
.source 2 a1 uint16_t
convhwb d1, a1

.function as_orc_sum_v_u8_add4
.dest 2 d1 uint16_t
.source 2 a1 uint16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 1 s3 uint8_t
.source 1 s4 uint8_t
.param 2 p1 uint16_t
.param 2 p2 uint16_t
.param 2 p3 uint16_t
.param 2 p4 uint16_t
.temp 2 t
.temp 2 c
mergebw t, 0, s1
mulhuw t, t, p1
addw c, a1, t
mergebw t, 0, s2
mulhuw t, t, p2
addw c, c, t
mergebw t, 0, s3
mulhuw t, t, p3
addw c, c, t
mergebw t, 0, s4
mulhuw t, t, p4
addw d1, c, t

.function as_orc_sum_v_u8_add1
.dest 2 d1 uint16_t
.source 2 a1 uint16_t
.source 1 s1 uint8_t
.param 2 p1 uint16_t
.temp 2 t
mergebw t, 0, s1
mulhuw t, t, p1
addw d1, a1, t

.function as_orc_sum_v_u16_add4
.dest 2 d1 uint16_t
.source 2 a1 uint16_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.source 2 s3 uint16_t
.source 2 s4 uint16_t
.param 2 p1 uint16_t
.param 2 p2 uint16_t
.param 2 p3 uint16_t
.param 2 p4 uint16_t
.temp 2 t
.temp 2 c
mulhuw t, s1, p1
addw c, a1, t
mulhuw t, s2, p2
addw c, c, t
mulhuw t, s3, p3
addw c, c, t
mulhuw t, s4, p4
addw d1, c, t

.function as_orc_sum_v_u16_add1
.dest 2 d1 uint16_t
.source 2 a1 uint16_t
.source 2 s1 uint16_t
.param 2 p1 uint16_t
.temp 2 t
mulhuw t, s1, p1
addw d1, a1, t

.function as_orc_sum_h_u8_add2
.dest 2 d1 uint16_t
.source 2 a1 uint16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 2 w1 uint16_t
.source 2 w2 uint16_t
.temp 2 t
.temp 2 c
mergebw t, 0, s1
mulhuw t, t, w1
addw c, a1, t
mergebw t, 0, s2
mulhuw t, t, w2
addw d1, c, t

.function as_orc_sum_h_u8_add1
.dest 2 d1 uint16_t
.source 2 a1 uint16_t
.source 1 s1 uint8_t
.source 2 w1 uint16_t
.temp 2 t
mergebw t, 0, s1
mulhuw t, t, w1
addw d1, a1, t

.function as_orc_sum_h_u16_add2
.dest 2 d1 uint16_t
.source 2 a1 uint16_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.source 2 w1 uint16_t
.source 2 w2 uint16_t
.temp 2 t
.temp 2 c
mulhuw t, s1, w1
addw c, a1, t
mulhuw t, s2, w2
addw d1, c, t

.function as_orc_sum_h_u16_add1
.dest 2 d1 uint16_t
.source 2 a1 uint16_t
.source 2 s1 uint16_t
.source 2 w1 uint16_t
.temp 2 t
mulhuw t, s1, w1
addw d1, a1, t

# ---- YUV -> RGB (convert.c)

# four byte lines into 4-byte pixels (bytes a, b, c, d in memory order on
# little-endian hosts)
.function as_orc_merge4_u8
.dest 4 d1 uint32_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 1 s3 uint8_t
.source 1 s4 uint8_t
.temp 2 t1
.temp 2 t2
mergebw t1, s1, s2
mergebw t2, s3, s4
mergewl d1, t1, t2

# ---- OpenCV INTER_LINEAR 8U (model-opencv.c)

# horizontal: T = S0 a0 + S1 a1 (Q11 int16 weights, int32 sums)
.function as_orc_ocv_h_u8_i32
.dest 4 d1 int32_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 2 w1 int16_t
.source 2 w2 int16_t
.temp 2 a
.temp 2 b
.temp 4 x
.temp 4 y
convubw a, s1
convubw b, s2
mulswl x, a, w1
mulswl y, b, w2
addl d1, x, y

# vertical, as OpenCV's SIMD body: sat_u8 ((sat_s16 (((T0 >> 4) b0 >> 16)
# + ((T1 >> 4) b1 >> 16)) + 2) >> 2)
.function as_orc_ocv_v_i32_u8
.dest 1 d1 uint8_t
.source 4 s1 int32_t
.source 4 s2 int32_t
.param 2 b0 int16_t
.param 2 b1 int16_t
.temp 4 t
.temp 2 a
.temp 2 b
shrsl t, s1, 4
convssslw a, t
mulhsw a, a, b0
shrsl t, s2, 4
convssslw b, t
mulhsw b, b, b1
addssw a, a, b
addssw a, a, 2
shrsw a, a, 2
convsuswb d1, a

# ---- OpenCV INTER_CUBIC, INTER_LANCZOS4 8U (model-opencv.c)

# horizontal over gathered taps: T = sum S_k w_k (Q11 int16 weights per
# sample, int32, exact: the grouping changes nothing), 2 or 1 taps a
# program, the first writing, the others adding to a line
.function as_orc_ocv_h1_u8_i32
.dest 4 d1 int32_t
.source 1 s1 uint8_t
.source 2 w1 int16_t
.temp 2 a
convubw a, s1
mulswl d1, a, w1

.function as_orc_ocv_h2_acc_i32
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 2 w1 int16_t
.source 2 w2 int16_t
.temp 2 a
.temp 4 x
.temp 4 y
convubw a, s1
mulswl x, a, w1
convubw a, s2
mulswl y, a, w2
addl x, x, y
addl d1, a1, x

.function as_orc_ocv_h1_acc_i32
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 1 s1 uint8_t
.source 2 w1 int16_t
.temp 2 a
.temp 4 x
convubw a, s1
mulswl x, a, w1
addl d1, a1, x

# INTER_CUBIC's vertical body (VResizeCubicVec_32s8u, SSE2): float32
# t = T0 b0 + (T1 b1 + (T2 b2 + T3 b3)) with b_k = beta_k / 2^22, the same
# IEEE operations; rounded to even as cvtps2dq does by adding 1.5 * 2^23
# (|t| < 2^22: the sum lands in [2^23, 2^24), where the float step is 1
# and the bits are 0x4b400000 + rint (t)), then saturated to 16 and 8
# bits. No denormal arises (|T b| >= 2^-22).
.function as_orc_ocv_v_cubic_u8
.dest 1 d1 uint8_t
.source 4 s1 int32_t
.source 4 s2 int32_t
.source 4 s3 int32_t
.source 4 s4 int32_t
.floatparam 4 b1
.floatparam 4 b2
.floatparam 4 b3
.floatparam 4 b4
.temp 4 t
.temp 4 x
.temp 2 w
convlf t, s4
mulf t, t, b4
convlf x, s3
mulf x, x, b3
addf t, x, t
convlf x, s2
mulf x, x, b2
addf t, x, t
convlf x, s1
mulf x, x, b1
addf t, x, t
addf t, t, 12582912.0
subl x, t, 1262485504
convssslw w, x
convsuswb d1, w

# their scalar vertical (FixedPtCast): sat_u8 ((2^21 + sum T_k b_k) >> 22)
# in int32 (no overflow: model-opencv.c), four rows a program
.function as_orc_ocv_vfix4_u8
.dest 1 d1 uint8_t
.source 4 s1 int32_t
.source 4 s2 int32_t
.source 4 s3 int32_t
.source 4 s4 int32_t
.param 4 p1 int32_t
.param 4 p2 int32_t
.param 4 p3 int32_t
.param 4 p4 int32_t
.temp 4 x
.temp 4 y
.temp 2 w
mulll x, s1, p1
mulll y, s2, p2
addl x, x, y
mulll y, s3, p3
addl x, x, y
mulll y, s4, p4
addl x, x, y
addl x, x, 2097152
shrsl x, x, 22
convssslw w, x
convsuswb d1, w

.function as_orc_ocv_vfix4_acc
.dest 4 d1 int32_t
.source 4 s1 int32_t
.source 4 s2 int32_t
.source 4 s3 int32_t
.source 4 s4 int32_t
.param 4 p1 int32_t
.param 4 p2 int32_t
.param 4 p3 int32_t
.param 4 p4 int32_t
.temp 4 x
.temp 4 y
mulll x, s1, p1
mulll y, s2, p2
addl x, x, y
mulll y, s3, p3
addl x, x, y
mulll y, s4, p4
addl x, x, y
addl d1, x, 2097152

.function as_orc_ocv_vfix4_acc_u8
.dest 1 d1 uint8_t
.source 4 a1 int32_t
.source 4 s1 int32_t
.source 4 s2 int32_t
.source 4 s3 int32_t
.source 4 s4 int32_t
.param 4 p1 int32_t
.param 4 p2 int32_t
.param 4 p3 int32_t
.param 4 p4 int32_t
.temp 4 x
.temp 4 y
.temp 2 w
mulll x, s1, p1
mulll y, s2, p2
addl x, x, y
mulll y, s3, p3
addl x, x, y
mulll y, s4, p4
addl x, x, y
addl x, a1, x
shrsl x, x, 22
convssslw w, x
convsuswb d1, w

# ---- Pillow 8-bit (model-pillow.c): acc = 2^21 + sum s w with
# int32 weights of 22 fractional bits (exact int32 products: pmulld),
# out = clip8 (acc >> 22); horizontal taps from gathered lines and
# replicated weights, vertical taps with the weight as a parameter

.function as_orc_pil_acc_init
.dest 4 d1 int32_t
.source 1 s1 uint8_t
.source 4 w1 int32_t
.temp 2 a
.temp 4 b
convubw a, s1
convuwl b, a
mulll b, b, w1
addl d1, b, 2097152

.function as_orc_pil_acc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 1 s1 uint8_t
.source 4 w1 int32_t
.temp 2 a
.temp 4 b
convubw a, s1
convuwl b, a
mulll b, b, w1
addl d1, a1, b

.function as_orc_pil_vacc_init
.dest 4 d1 int32_t
.source 1 s1 uint8_t
.param 4 p1 int32_t
.temp 2 a
.temp 4 b
convubw a, s1
convuwl b, a
mulll b, b, p1
addl d1, b, 2097152

.function as_orc_pil_vacc_add
.dest 4 d1 int32_t
.source 4 a1 int32_t
.source 1 s1 uint8_t
.param 4 p1 int32_t
.temp 2 a
.temp 4 b
convubw a, s1
convuwl b, a
mulll b, b, p1
addl d1, a1, b

.function as_orc_pil_acc_to_u8
.dest 1 d1 uint8_t
.source 4 a1 int32_t
.temp 4 t
.temp 2 w
shrsl t, a1, 22
convssslw w, t
convsuswb d1, w

# ---- OpenCV INTER_AREA downscales in float32 (model-opencv.c):
# resizeArea_'s order, each product and sum rounded to float32 one at a
# time as in rows-c.c; the horizontal over gathered taps with weights per
# sample, the vertical row by row, then cvRound: x + 2^23 (x in [0, 2^22))
# rounds x to an integer, ties to even, in the low bits of the float
.function as_orc_ocv_area_h_init
.dest 4 d1 float
.source 1 s1 uint8_t
.source 4 w1 float
.temp 2 a
.temp 4 b
convubw a, s1
convuwl b, a
convlf b, b
mulf d1, b, w1

.function as_orc_ocv_area_h_add
.dest 4 d1 float
.source 4 a1 float
.source 1 s1 uint8_t
.source 4 w1 float
.temp 2 a
.temp 4 b
convubw a, s1
convuwl b, a
convlf b, b
mulf b, b, w1
addf d1, a1, b

.function as_orc_ocv_area_v_init
.dest 4 d1 float
.source 4 s1 float
.floatparam 4 p1
mulf d1, s1, p1

.function as_orc_ocv_area_v_add
.dest 4 d1 float
.source 4 a1 float
.source 4 s1 float
.floatparam 4 p1
.temp 4 t
mulf t, s1, p1
addf d1, a1, t

.function as_orc_ocv_area_v_add_u8
.dest 1 d1 uint8_t
.source 4 a1 float
.source 4 s1 float
.floatparam 4 p1
.temp 4 t
.temp 2 w
mulf t, s1, p1
addf t, a1, t
addf t, t, 8388608.0
subl t, t, 0x4b000000
convlw w, t
convsuswb d1, w

.function as_orc_ocv_area_v_one_u8
.dest 1 d1 uint8_t
.source 4 s1 float
.floatparam 4 p1
.temp 4 t
.temp 2 w
mulf t, s1, p1
addf t, t, 8388608.0
subl t, t, 0x4b000000
convlw w, t
convsuswb d1, w

# ---- OpenCV INTER_LINEAR_EXACT 8U: h = S0 c0 + S1 c1 (Q8, uint16) over
# gathered pairs; out = (h0 c0 + h1 c1 + 2^15) >> 16
.function as_orc_ocvx_h_u8_u16
.dest 2 d1 uint16_t
.source 1 s1 uint8_t
.source 1 s2 uint8_t
.source 2 w1 uint16_t
.source 2 w2 uint16_t
.temp 2 a
.temp 2 b
convubw a, s1
convubw b, s2
mullw a, a, w1
mullw b, b, w2
addw d1, a, b

.function as_orc_ocvx_v_u16_u8
.dest 1 d1 uint8_t
.source 2 s1 uint16_t
.source 2 s2 uint16_t
.param 2 c0 int16_t
.param 2 c1 int16_t
.temp 4 a
.temp 4 b
.temp 2 w
muluwl a, s1, c0
muluwl b, s2, c1
addl a, a, b
addl a, a, 32768
shrul a, a, 16
convlw w, a
convsuswb d1, w
