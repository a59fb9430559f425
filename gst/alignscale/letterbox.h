/* alignscale: letterbox geometry (where each library puts the picture)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Pure C, no GStreamer types. The formulas, their sources and the decisions
 * on the cases the libraries leave open are in docs/letterbox.md.
 */
#ifndef __ALIGN_SCALE_LETTERBOX_H__
#define __ALIGN_SCALE_LETTERBOX_H__

typedef enum
{
  AS_LETTERBOX_NONE,        /* the picture fills the output */
  AS_LETTERBOX_ULTRALYTICS, /* LetterBox (auto=False, center=True) */
  AS_LETTERBOX_MMDET,       /* mmcv imrescale + Pad(size): top left */
  AS_LETTERBOX_DEEPSTREAM,  /* nvinfer maintain-aspect-ratio: top left */
  AS_LETTERBOX_DEEPSTREAM_SYMMETRIC, /* ... with symmetric-padding=1 */
  AS_LETTERBOX_TF,                   /* tf.image.resize_with_pad (TF 2.x) */
  AS_LETTERBOX_PILLOW,      /* PIL.ImageOps.pad, centering (0.5, 0.5) */
  AS_LETTERBOX_ADD_BORDERS, /* videoscale add-borders=true */
  AS_N_LETTERBOX,
} AsLetterbox;

typedef struct
{
  int x, y, w, h;
} AsRect;

/* One placement: which input pixels are resized into which output
 * rectangle. The rest of the output is padding. */
typedef struct
{
  AsLetterbox preset;
  int in_w, in_h, out_w, out_h;
  /* the input pixels that are resized: the whole input, except that
   * DeepStream rounds its source rectangle down to even sizes (an odd last
   * column or row is not seen) */
  AsRect src;
  /* where they land, in output pixels */
  AsRect pic;
  /* the scale per axis of the placement: pic.w / (double) src.w,
   * pic.h / (double) src.h (DeepStream's ratio_x, ratio_y; mmdet's
   * scale_factor) */
  double sx, sy;
} AsLetterboxGeom;

/* Places an in_w x in_h picture (pixel aspect ratio in_par_n / in_par_d)
 * into an out_w x out_h output (out_par_n / out_par_d) as the preset's
 * library does. Only add-borders reads the pixel aspect ratios: the
 * libraries work on pixel arrays. Returns 0, or -1 when the preset cannot
 * place this picture, with the reason in *why (if why is not NULL): a size
 * or ratio below 1, a picture that rounds to 0 rows or columns (where
 * the libraries raise or output no picture), mmdet's scale giving a picture
 * larger than the output (its orientation case). */
int as_letterbox_place (AsLetterbox preset, int in_w, int in_h, int out_w,
    int out_h, int in_par_n, int in_par_d, int out_par_n, int out_par_d,
    AsLetterboxGeom *geom, const char **why);

/* box = { x0, y0, x1, y1 } (points or edges alike). Input -> output through
 * the placement: x' = (x - src.x) * sx + pic.x. */
void as_letterbox_to_output (
    const AsLetterboxGeom *geom, const double in[4], double out[4]);

/* Output (model) -> input the way the preset's library maps detections
 * back, in double: ultralytics' scale_boxes (its own gain and padding,
 * which are not exactly the placement's, then clipped to the input);
 * DeepStream's (x - offset) / ratio + roi; mmdet's x / scale_factor; the
 * exact inverse of the placement, x = (x' - pic.x) / sx + src.x, for the
 * others (which is what those formulas are too). */
void as_letterbox_to_input (
    const AsLetterboxGeom *geom, const double out[4], double in[4]);

/* the pad value the preset's library uses by default (ultralytics 114,
 * the others 0) */
int as_letterbox_pad_value (AsLetterbox preset);

/* "none", "ultralytics", "mmdet", "deepstream", "deepstream-symmetric",
 * "tf", "pillow", "add-borders" */
const char *as_letterbox_nick (AsLetterbox preset);

#endif /* __ALIGN_SCALE_LETTERBOX_H__ */
