/* The YUV -> RGB rows (gst/alignscale/convert.c) against docs/conversion.md
 * evaluated here in binary64, sample by sample. The element's rows take a
 * float32 path with a binary64 fallback near rounding boundaries; every
 * 8-bit (Y, Cb, Cr) of 4:4:4 is compared for each matrix and range, then
 * random 4:2:0 / 4:2:2 frames of 8, 10, 12 and 16 bits with linear and
 * nearest chroma, every column and scattered columns.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * ALIGNSCALE_CONVERT_STEP=N: every Nth value of Y and Cb in the 8-bit
 * cube (default 1, every one; the valgrind run uses more).
 */
#include <gst/check/gstcheck.h>
#include <math.h>
#include <string.h>

#include "convert.h"

static const struct
{
  const gchar *name;
  gdouble kr, kb;
} matrices[] = {
  { "bt601", 0.299, 0.114 },
  { "bt709", 0.2126, 0.0722 },
  { "bt2020", 0.2627, 0.0593 },
  { "smpte240m", 0.212, 0.087 },
  { "fcc", 0.30, 0.11 },
};

/* docs/conversion.md, written out again */
static guint8
ref_q (gdouble v)
{
  gdouble f = floor (v + 0.5);
  return (guint8) (f < 0 ? 0 : f > 255 ? 255 : f);
}

typedef struct
{
  gdouble ky, kc, kr, kb, kgb, kgr;
  gint oy, oc, D;
} Ref;

static void
ref_init (Ref *r, gint depth, gboolean full, gdouble Kr, gdouble Kb, gint D)
{
  gdouble sy, sc, Kg = (1.0 - Kr) - Kb;

  if (full) {
    r->oy = 0;
    sy = sc = (gdouble) ((1 << depth) - 1);
    r->oc = 1 << (depth - 1);
  } else {
    r->oy = 16 << (depth - 8);
    sy = (gdouble) (219 << (depth - 8));
    sc = (gdouble) (224 << (depth - 8));
    r->oc = 128 << (depth - 8);
  }
  r->D = D;
  r->ky = 255.0 / sy;
  r->kc = 1.0 / ((gdouble) D * sc);
  r->kr = 255.0 * (2.0 * (1.0 - Kr));
  r->kb = 255.0 * (2.0 * (1.0 - Kb));
  r->kgb = 255.0 * (((2.0 * Kb) * (1.0 - Kb)) / Kg);
  r->kgr = 255.0 * (((2.0 * Kr) * (1.0 - Kr)) / Kg);
}

/* Y a code, Cb and Cr in units of 1/D */
static void
ref_rgb (const Ref *r, gint Y, gint Cb, gint Cr, guint8 *rgb)
{
  gdouble y = (gdouble) (Y - r->oy) * r->ky;
  gdouble u = (gdouble) (Cb - r->D * r->oc) * r->kc;
  gdouble v = (gdouble) (Cr - r->D * r->oc) * r->kc;

  rgb[0] = ref_q (y + v * r->kr);
  rgb[1] = ref_q ((y - u * r->kgb) - v * r->kgr);
  rgb[2] = ref_q (y + u * r->kb);
}

static AsConvComp
plane_comp (gint plane, gint bps, gint shift, gint r_h, gint r_v, gint depth)
{
  AsConvComp c = { plane, bps, 0, bps, shift, 0, r_h, r_v, depth };
  return c;
}

/* the description of a picture converted to the channels out[0 .. n) */
static void
set_out (
    AsConvertDesc *d, gint m, gboolean full, const AsConvChannel *out, gint n)
{
  d->kr = matrices[m].kr;
  d->kb = matrices[m].kb;
  d->full_range = full;
  d->n_out = n;
  memcpy (d->out, out, sizeof (AsConvChannel) * n);
}

/* every 8-bit (Y, Cb, Cr): one row per (Y, Cb), Cr along it, 4:4:4, to
 * 4-byte pixels (the merged path; test_frames takes the 3-byte one) */
GST_START_TEST (test_cube8)
{
  const gchar *s = g_getenv ("ALIGNSCALE_CONVERT_STEP");
  gint step = s ? MAX (1, atoi (s)) : 1;
  guint8 py[256], pu[256], pv[256], out[4 * 256 + 16];
  static const AsConvChannel rgbx[4] = { AS_CONV_R, AS_CONV_G, AS_CONV_B,
    AS_CONV_PAD };
  guint64 n = 0;

  for (gint i = 0; i < 256; i++)
    pv[i] = (guint8) i;
  for (guint m = 0; m < G_N_ELEMENTS (matrices); m++)
    for (gint full = 0; full < 2; full++) {
      AsConvertDesc d;
      AsConvert *cv;
      gpointer tmp;
      Ref ref;
      const guint8 *src[4] = { py, pu, pv, NULL };
      const ptrdiff_t stride[4] = { 256, 256, 256, 0 };

      memset (&d, 0, sizeof (d));
      for (gint c = 0; c < 3; c++)
        d.comp[c] = plane_comp (c, 1, 0, 1, 1, 8);
      d.comp[3].plane = -1;
      d.width = 256;
      d.height = 1;
      set_out (&d, m, full, rgbx, 4);
      cv = as_convert_new (&d, NULL);
      fail_unless (cv != NULL);
      tmp = g_malloc (as_convert_scratch_bytes (cv));
      /* 4:4:4 linear: each axis weighs the sample by 2 (D = 4) */
      ref_init (&ref, 8, full, d.kr, d.kb, 4);
      for (gint Y = 0; Y < 256; Y += step)
        for (gint U = (Y * 7) % step; U < 256; U += step) {
          memset (py, Y, 256);
          memset (pu, U, 256);
          as_convert_row (cv, out, src, stride, 0, tmp);
          for (gint V = 0; V < 256; V++) {
            guint8 want[3];
            ref_rgb (&ref, Y, 4 * U, 4 * V, want);
            if (memcmp (out + 4 * V, want, 3) || out[4 * V + 3] != 255)
              fail ("%s %s (Y, Cb, Cr) = (%d, %d, %d): RGBx %u %u %u %u, want"
                    " %u %u %u 255",
                  matrices[m].name, full ? "full" : "limited", Y, U, V,
                  out[4 * V], out[4 * V + 1], out[4 * V + 2], out[4 * V + 3],
                  want[0], want[1], want[2]);
          }
          n += 256;
        }
      g_free (tmp);
      as_convert_free (cv);
    }
  g_print ("convert: 8-bit cube, %" G_GUINT64_FORMAT " (Y, Cb, Cr) over 5"
           " matrices x 2 ranges, every one equal to binary64\n",
      n);
}

GST_END_TEST;

/* linear weights of docs/conversion.md on one axis: luma index x -> two
 * chroma indices and weights summing to 2 r */
static void
ref_taps (gint x, gint r, gint o2, gint n, gboolean nearest, gint *i0, gint *i1,
    gint *w0, gint *w1)
{
  gint den = 2 * r, num = 2 * x - o2, q;

  if (nearest) {
    *i0 = *i1 = MIN (x / r, n - 1);
    *w0 = den;
    *w1 = 0;
    return;
  }
  q = (gint) floor ((gdouble) num / den);
  *w1 = num - q * den;
  *w0 = den - *w1;
  *i0 = CLAMP (q, 0, n - 1);
  *i1 = CLAMP (q + 1, 0, n - 1);
}

typedef struct
{
  const gchar *name;
  gint r_h, r_v, bps, shift, depth;
  gboolean semi; /* U and V interleaved in one plane (NV12, P010) */
} Layout;

static const Layout layouts[] = {
  { "I420", 2, 2, 1, 0, 8, FALSE },
  { "NV12", 2, 2, 1, 0, 8, TRUE },
  { "Y42B", 2, 1, 1, 0, 8, FALSE },
  { "Y41B", 4, 1, 1, 0, 8, FALSE },
  { "P010", 2, 2, 2, 6, 10, TRUE },
  { "I420_12", 2, 2, 2, 0, 12, FALSE },
  { "P016", 2, 2, 2, 0, 16, TRUE },
  { "Y444_16", 1, 1, 2, 0, 16, FALSE },
};

static gint
ref_read (
    const guint8 *row, gint bps, gint pstride, gint off, gint i, gint shift)
{
  const guint8 *p = row + off + (gsize) i * pstride;
  guint16 w;

  if (bps == 1)
    return p[0];
  memcpy (&w, p, 2);
  return w >> shift;
}

/* random frames of each layout, every row, all columns and a scattered
 * set, both chroma modes and every siting */
GST_START_TEST (test_frames)
{
  guint32 seed = 0x1234567;
  static const AsConvChannel bgr[3] = { AS_CONV_B, AS_CONV_G, AS_CONV_R };
  guint64 n = 0;

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (gint nearest = 0; nearest < 2; nearest++)
      for (gint site = 0; site < 3; site++)
        for (gint sparse = 0; sparse < 2; sparse++) {
          const Layout *L = &layouts[l];
          gint w = 37 + g_random_int_range (0, 60), h = 9 + (gint) l;
          gint cw = (w + L->r_h - 1) / L->r_h, ch = (h + L->r_v - 1) / L->r_v;
          gint o2h = site == 0 ? 0 : L->r_h - 1;
          gint o2v = site == 2 ? 0 : L->r_v - 1;
          gint ys = w * L->bps, cs = (L->semi ? 2 : 1) * cw * L->bps;
          guint8 *py = g_malloc (ys * h), *pu = g_malloc (cs * ch),
                 *pv = g_malloc (cs * ch), *out = g_malloc (3 * w + 16);
          const guint8 *src[4] = { py, pu, L->semi ? pu : pv, NULL };
          const ptrdiff_t stride[4] = { ys, cs, cs, 0 };
          gint32 *cols = g_new (gint32, w);
          gint ncols = 0;
          AsConvertDesc d;
          AsConvert *cv;
          gpointer tmp;
          Ref ref;
          guint m = (l + site) % G_N_ELEMENTS (matrices);
          gint maxc = (1 << L->depth) - 1;

          g_random_set_seed (seed++);
          for (gint i = 0; i < ys * h; i++)
            py[i] = g_random_int ();
          for (gint i = 0; i < cs * ch; i++) {
            pu[i] = g_random_int ();
            pv[i] = g_random_int ();
          }
          if (L->bps == 2) /* codes on their grid: at most 2^depth - 1 */
            for (guint8 *p = py; p < py + ys * h; p += 2) {
              guint16 v = (guint16) (g_random_int_range (0, maxc + 1)
                  << L->shift);
              memcpy (p, &v, 2);
            }
          memset (&d, 0, sizeof (d));
          d.comp[0] = plane_comp (0, L->bps, L->shift, 1, 1, L->depth);
          d.comp[1] = plane_comp (
              1, L->bps, L->shift, L->r_h, L->r_v, L->depth);
          d.comp[2] = plane_comp (
              2, L->bps, L->shift, L->r_h, L->r_v, L->depth);
          if (L->semi) {
            d.comp[1].pstride = d.comp[2].pstride = 2 * L->bps;
            d.comp[2].offset = L->bps;
          }
          d.comp[3].plane = -1;
          d.width = w;
          d.height = h;
          set_out (&d, m, site == 1, bgr, 3);
          d.o2_h = o2h;
          d.o2_v = o2v;
          d.nearest = nearest;
          cv = as_convert_new (&d, NULL);
          fail_unless (cv != NULL);
          for (gint x = 0; x < w; x++)
            if (!sparse || g_random_int_range (0, 3) == 0)
              cols[ncols++] = x;
          fail_unless (as_convert_set_columns (cv, cols, ncols) == 0);
          tmp = g_malloc (as_convert_scratch_bytes (cv));
          ref_init (
              &ref, L->depth, d.full_range, d.kr, d.kb, 4 * L->r_h * L->r_v);
          for (gint y = 0; y < h; y++) {
            gint j0, j1, v0, v1;

            memset (out, 0xa5, 3 * w + 16);
            as_convert_row (cv, out, src, stride, y, tmp);
            ref_taps (y, L->r_v, o2v, ch, nearest, &j0, &j1, &v0, &v1);
            for (gint k = 0; k < ncols; k++) {
              gint x = cols[k], i0, i1, a0, a1, C[2];
              guint8 want[3];

              ref_taps (x, L->r_h, o2h, cw, nearest, &i0, &i1, &a0, &a1);
              for (gint c = 0; c < 2; c++) {
                const AsConvComp *k = &d.comp[1 + c];
                const guint8 *r0 = src[k->plane] + stride[k->plane] * j0;
                const guint8 *r1 = src[k->plane] + stride[k->plane] * j1;
                C[c] = a0
                        * (v0
                                * ref_read (r0, k->bps, k->pstride, k->offset,
                                    i0, k->shift)
                            + v1
                                * ref_read (r1, k->bps, k->pstride, k->offset,
                                    i0, k->shift))
                    + a1
                        * (v0
                                * ref_read (r0, k->bps, k->pstride, k->offset,
                                    i1, k->shift)
                            + v1
                                * ref_read (r1, k->bps, k->pstride, k->offset,
                                    i1, k->shift));
              }
              ref_rgb (&ref,
                  ref_read (py + ys * y, L->bps, L->bps, 0, x, L->shift), C[0],
                  C[1], want);
              fail_unless (out[3 * x] == want[2] && out[3 * x + 1] == want[1]
                      && out[3 * x + 2] == want[0],
                  "%s %s nearest=%d site=%d sparse=%d (%d,%d): BGR %u %u %u,"
                  " want %u %u %u",
                  L->name, matrices[m].name, nearest, site, sparse, x, y,
                  out[3 * x], out[3 * x + 1], out[3 * x + 2], want[2], want[1],
                  want[0]);
            }
            n += ncols;
          }
          g_free (tmp);
          as_convert_free (cv);
          g_free (cols);
          g_free (py);
          g_free (pu);
          g_free (pv);
          g_free (out);
        }
  g_print ("convert: %" G_GUINT64_FORMAT " pixels of random 4:2:0, 4:2:2,"
           " 4:1:1 and 4:4:4 frames (8 to 16 bits), every one equal to"
           " binary64\n",
      n);
}

GST_END_TEST;

/* descriptions the rows cannot run are refused, not run */
GST_START_TEST (test_refused)
{
  AsConvertDesc d;
  gint32 cols[2] = { 3, 1 };
  AsConvert *cv;

  memset (&d, 0, sizeof (d));
  for (gint c = 0; c < 3; c++)
    d.comp[c] = plane_comp (c, 1, 0, 1, 1, 8);
  d.comp[3].plane = -1;
  d.width = 8;
  d.height = 2;
  d.kr = 0.299;
  d.kb = 0.114;
  d.n_out = 3;
  d.out[0] = AS_CONV_R;
  d.out[1] = AS_CONV_G;
  d.out[2] = AS_CONV_B;
  cv = as_convert_new (&d, NULL);
  fail_unless (cv != NULL);
  /* columns out of order or outside the picture */
  fail_unless (as_convert_set_columns (cv, cols, 2) < 0);
  cols[0] = 8;
  fail_unless (as_convert_set_columns (cv, cols, 1) < 0);
  as_convert_free (cv);

  d.out[2] = AS_CONV_PAD; /* RGB without B */
  fail_unless (as_convert_new (&d, NULL) == NULL);
  d.out[2] = AS_CONV_B;
  d.comp[1].depth = 10; /* chroma deeper than its byte */
  fail_unless (as_convert_new (&d, NULL) == NULL);
  d.comp[1].depth = 8;
  d.o2_h = 2; /* siting past the sample */
  fail_unless (as_convert_new (&d, NULL) == NULL);
  d.o2_h = 0;
  d.width = 0;
  fail_unless (as_convert_new (&d, NULL) == NULL);
}

GST_END_TEST;

static Suite *
convert_suite (void)
{
  Suite *s = suite_create ("convert");
  TCase *tc = tcase_create ("general");

  tcase_set_timeout (tc, 600);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_cube8);
  tcase_add_test (tc, test_frames);
  tcase_add_test (tc, test_refused);
  return s;
}

GST_CHECK_MAIN (convert);
