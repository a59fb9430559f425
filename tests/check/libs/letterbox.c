/* Unit tests of the letterbox geometry (gst/alignscale/letterbox.c) against
 * the libraries: tests/check/golden/gen_letterbox.py's vectors (the real
 * Pillow and videoscale, line-by-line transcriptions of ultralytics, mmcv,
 * gst-nvinfer and TF) and a few cases worked out by hand from their code.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <math.h>
#include <string.h>

#include "letterbox.h"

/* fail only when false: check's fail_unless costs a pipe write per call */
#define CHECK(cond, ...)                                                       \
  G_STMT_START                                                                 \
  {                                                                            \
    if (G_UNLIKELY (!(cond)))                                                  \
      fail_unless (cond, __VA_ARGS__);                                         \
  }                                                                            \
  G_STMT_END

/* ---- the vectors file (layout in gen_letterbox.py's docstring) ---- */

typedef struct
{
  const guint8 *p, *end;
} Reader;

static const guint8 *
take (Reader *r, gsize n)
{
  const guint8 *p = r->p;

  fail_unless ((gsize) (r->end - r->p) >= n, "vectors file truncated");
  r->p += n;
  return p;
}

static guint32
u32 (Reader *r)
{
  return GST_READ_UINT32_LE (take (r, 4));
}

static guint16
u16 (Reader *r)
{
  return GST_READ_UINT16_LE (take (r, 2));
}

static gint32
i32 (Reader *r)
{
  return (gint32) GST_READ_UINT32_LE (take (r, 4));
}

static gint16
i16 (Reader *r)
{
  return (gint16) GST_READ_UINT16_LE (take (r, 2));
}

static gdouble
f64 (Reader *r)
{
  return GST_READ_DOUBLE_LE (take (r, 8));
}

static gboolean
rect_eq (AsRect a, int x, int y, int w, int h)
{
  return a.x == x && a.y == y && a.w == w && a.h == h;
}

GST_START_TEST (test_vectors)
{
  const gchar *path = g_getenv ("ALIGNSCALE_LETTERBOX");
  gchar *data = NULL;
  gsize len = 0;
  Reader r;
  guint n, n_presets;
  guint same[AS_N_LETTERBOX] = { 0 }, refused[AS_N_LETTERBOX] = { 0 };
  guint odd[AS_N_LETTERBOX] = { 0 }, back[AS_N_LETTERBOX] = { 0 };
  guint placed[AS_N_LETTERBOX] = { 0 }, inexact[AS_N_LETTERBOX] = { 0 };
  guint shown = 0;

  fail_unless (path != NULL, "ALIGNSCALE_LETTERBOX is not set");
  fail_unless (
      g_file_get_contents (path, &data, &len, NULL), "cannot read %s", path);
  r.p = (const guint8 *) data;
  r.end = r.p + len;
  fail_unless (memcmp (take (&r, 8), "ASLBOX01", 8) == 0, "bad magic");
  n = u32 (&r);
  n_presets = u32 (&r);
  fail_unless (n_presets == AS_N_LETTERBOX);
  fail_unless (n >= 3000);

  for (guint v = 0; v < n; v++) {
    int w = u16 (&r), h = u16 (&r), W = u16 (&r), H = u16 (&r);
    int pn = u32 (&r), pd = u32 (&r), qn = u32 (&r), qd = u32 (&r);
    double px = i32 (&r) / 4.0, py = i32 (&r) / 4.0;

    for (int p = 0; p < AS_N_LETTERBOX; p++) {
      AsRect e;
      double bx, by, box[4] = { px, py, px, py }, fwd[4], got[4];
      AsLetterboxGeom g;
      const char *why = NULL;
      int ret;
      gboolean ok;

      e.x = i16 (&r);
      e.y = i16 (&r);
      e.w = i16 (&r);
      e.h = i16 (&r);
      bx = f64 (&r);
      by = f64 (&r);
      ret = as_letterbox_place (p, w, h, W, H, pn, pd, qn, qd, &g, &why);
      if (e.w < 0) {
        refused[p]++;
        ok = ret == -1 && why != NULL;
      } else {
        ok = ret == 0 && rect_eq (g.pic, e.x, e.y, e.w, e.h);
        if ((W - e.w) % 2 || (H - e.h) % 2)
          odd[p]++;
      }
      if (ok)
        same[p]++;
      else if (shown++ < 20)
        g_print ("  %s %dx%d (%d/%d) -> %dx%d (%d/%d): expected %d,%d %dx%d, "
                 "got %d (%d,%d %dx%d)\n",
            as_letterbox_nick (p), w, h, pn, pd, W, H, qn, qd, e.x, e.y, e.w,
            e.h, ret, ret ? 0 : g.pic.x, ret ? 0 : g.pic.y, ret ? 0 : g.pic.w,
            ret ? 0 : g.pic.h);
      if (!ok || ret)
        continue;

      /* the way back: forward by the placement, back the library's way */
      placed[p]++;
      as_letterbox_to_output (&g, box, fwd);
      as_letterbox_to_input (&g, fwd, got);
      if (got[0] == bx && got[1] == by && got[2] == bx && got[3] == by)
        back[p]++;
      else if (shown++ < 20)
        g_print ("  %s %dx%d -> %dx%d: (%.17g, %.17g) back to (%.17g, %.17g),"
                 " the library's (%.17g, %.17g)\n",
            as_letterbox_nick (p), w, h, W, H, px, py, got[0], got[1], bx, by);
      /* the exact inverse comes back where it started (ultralytics'
       * scale_boxes does not, and clips) */
      if (fabs (got[0] - px) > 1e-9 * (1 + fabs (px))
          || fabs (got[1] - py) > 1e-9 * (1 + fabs (py)))
        inexact[p]++;
    }
  }
  fail_unless (r.p == r.end, "trailing bytes in the vectors file");

  g_print ("letterbox vectors: %u size pairs; identical placements "
           "(refused, odd padding), identical way back, round trips off\n",
      n);
  for (int p = 0; p < AS_N_LETTERBOX; p++)
    g_print ("  %-21s %u/%u (%u, %u); way back %u/%u; off %u\n",
        as_letterbox_nick (p), same[p], n, refused[p], odd[p], back[p],
        placed[p], inexact[p]);
  for (int p = 0; p < AS_N_LETTERBOX; p++) {
    fail_unless (same[p] == n, "%s: %u of %u placements differ",
        as_letterbox_nick (p), n - same[p], n);
    fail_unless (back[p] == placed[p], "%s: %u way-back points differ",
        as_letterbox_nick (p), placed[p] - back[p]);
    if (p != AS_LETTERBOX_ULTRALYTICS)
      fail_unless (inexact[p] == 0, "%s: %u round trips off",
          as_letterbox_nick (p), inexact[p]);
  }
  g_free (data);
}

GST_END_TEST;

static AsLetterboxGeom
place_ok (AsLetterbox p, int w, int h, int W, int H)
{
  AsLetterboxGeom g;
  const char *why = NULL;

  fail_unless (as_letterbox_place (p, w, h, W, H, 1, 1, 1, 1, &g, &why) == 0,
      "%s %dx%d -> %dx%d refused: %s", as_letterbox_nick (p), w, h, W, H, why);
  return g;
}

static void
expect (AsLetterbox p, int w, int h, int W, int H, int x, int y, int pw, int ph)
{
  AsLetterboxGeom g = place_ok (p, w, h, W, H);

  fail_unless (rect_eq (g.pic, x, y, pw, ph),
      "%s %dx%d -> %dx%d: %d,%d %dx%d, expected %d,%d %dx%d",
      as_letterbox_nick (p), w, h, W, H, g.pic.x, g.pic.y, g.pic.w, g.pic.h, x,
      y, pw, ph);
}

static void
expect_refused (AsLetterbox p, int w, int h, int W, int H, int pn, int pd)
{
  AsLetterboxGeom g;
  const char *why = NULL;

  fail_unless (as_letterbox_place (p, w, h, W, H, pn, pd, 1, 1, &g, &why) == -1,
      "%s %dx%d -> %dx%d placed", as_letterbox_nick (p), w, h, W, H);
  fail_unless (why != NULL && *why);
}

/* worked out by hand from the libraries' code */
GST_START_TEST (test_known)
{
  AsLetterboxGeom g;
  double box[4] = { 0, 0, 640, 640 }, in[4];

  /* a 1080p frame into YOLO's 640 x 640: r = 1/3, 140 rows each side */
  for (int p = 0; p < AS_N_LETTERBOX; p++) {
    if (p == AS_LETTERBOX_NONE || p == AS_LETTERBOX_MMDET
        || p == AS_LETTERBOX_DEEPSTREAM)
      continue;
    expect (p, 1920, 1080, 640, 640, 0, 140, 640, 360);
  }
  expect (AS_LETTERBOX_NONE, 1920, 1080, 640, 640, 0, 0, 640, 640);
  expect (AS_LETTERBOX_MMDET, 1920, 1080, 640, 640, 0, 0, 640, 360);
  expect (AS_LETTERBOX_DEEPSTREAM, 1920, 1080, 640, 640, 0, 0, 640, 360);

  /* ultralytics: 7 rows of padding, 3 above (round (3.4)), 4 below */
  expect (AS_LETTERBOX_ULTRALYTICS, 640, 633, 640, 640, 0, 3, 640, 633);
  /* Pillow: 1 column of padding, round (0.5) = 0 left (half to even) */
  expect (AS_LETTERBOX_PILLOW, 4000, 4000, 4000, 3999, 0, 0, 3999, 3999);
  /* ... 3 columns: round (1.5) = 2 left */
  expect (AS_LETTERBOX_PILLOW, 8, 8, 11, 8, 2, 0, 8, 8);
  /* mmdet: s = min (1333 / 640, 800 / 480), int (640 s + 0.5) = 1067 */
  expect (AS_LETTERBOX_MMDET, 640, 480, 1333, 800, 0, 0, 1067, 800);
  /* ... a portrait picture into a landscape output: s = min (640 / 640,
   * 384 / 480) = 0.8 -> 384 x 512, taller than 384 */
  expect_refused (AS_LETTERBOX_MMDET, 480, 640, 640, 384, 1, 1);
  /* DeepStream: an odd width is rounded down to 1920 before the ratio */
  g = place_ok (AS_LETTERBOX_DEEPSTREAM_SYMMETRIC, 1921, 1081, 640, 640);
  fail_unless (rect_eq (g.src, 0, 0, 1920, 1080));
  fail_unless (rect_eq (g.pic, 0, 140, 640, 360));
  fail_unless (g.sx == 640 / 1920.0 && g.sy == 360 / 1080.0);
  /* TF: ratio = max (3 / 5, 7 / 9) in float32, 3 / ratio = 3.857... */
  expect (AS_LETTERBOX_TF, 3, 7, 5, 9, 0, 0, 3, 9);
  /* add-borders with PARs: 640 x 480 at 4/3 is 1.777... wide */
  fail_unless (as_letterbox_place (AS_LETTERBOX_ADD_BORDERS, 640, 480, 640, 640,
                   4, 3, 1, 1, &g, NULL)
      == 0);
  fail_unless (rect_eq (g.pic, 0, 140, 640, 360));
  /* ... the same picture at 1/1 gets 80 rows each side */
  expect (AS_LETTERBOX_ADD_BORDERS, 640, 480, 640, 640, 0, 80, 640, 480);

  /* 1920 x 3 into 5 x 5: 0 rows for every library */
  for (int p = AS_LETTERBOX_NONE + 1; p < AS_N_LETTERBOX; p++)
    expect_refused (p, 1920, 3, 5, 5, 1, 1);
  expect (AS_LETTERBOX_NONE, 1920, 3, 5, 5, 0, 0, 5, 5);
  /* DeepStream: a 1-pixel-wide source rounds to 0 columns */
  expect_refused (AS_LETTERBOX_DEEPSTREAM, 1, 8, 8, 8, 1, 1);
  /* nonsense in */
  for (int p = 0; p < AS_N_LETTERBOX; p++) {
    expect_refused (p, 0, 8, 8, 8, 1, 1);
    expect_refused (p, 8, 8, 8, 8, 0, 1);
    expect_refused (p, 8, 8, 8, 8, 1, 0);
  }
  expect_refused (AS_N_LETTERBOX, 8, 8, 8, 8, 1, 1);

  /* the way back of ultralytics clips to the picture: the output's
   * corners come back as the input's */
  g = place_ok (AS_LETTERBOX_ULTRALYTICS, 1920, 1080, 640, 640);
  as_letterbox_to_input (&g, box, in);
  fail_unless (in[0] == 0 && in[1] == 0 && in[2] == 1920 && in[3] == 1080);
  /* ... the others map them outside the input */
  g = place_ok (AS_LETTERBOX_PILLOW, 1920, 1080, 640, 640);
  as_letterbox_to_input (&g, box, in);
  fail_unless (in[0] == 0 && in[1] == -420 && in[2] == 1920 && in[3] == 1500);

  fail_unless (as_letterbox_pad_value (AS_LETTERBOX_ULTRALYTICS) == 114);
  for (int p = 0; p < AS_N_LETTERBOX; p++) {
    if (p != AS_LETTERBOX_ULTRALYTICS)
      fail_unless (as_letterbox_pad_value (p) == 0);
  }
  fail_unless_equals_string (as_letterbox_nick (AS_LETTERBOX_NONE), "none");
  fail_unless_equals_string (
      as_letterbox_nick (AS_LETTERBOX_ADD_BORDERS), "add-borders");
  fail_unless_equals_string (
      as_letterbox_nick (AS_LETTERBOX_DEEPSTREAM_SYMMETRIC),
      "deepstream-symmetric");
  fail_unless (as_letterbox_nick (AS_N_LETTERBOX) == NULL);
}

GST_END_TEST;

static Suite *
letterbox_suite (void)
{
  Suite *s = suite_create ("letterbox");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_vectors);
  tcase_add_test (tc, test_known);
  return s;
}

GST_CHECK_MAIN (letterbox);
