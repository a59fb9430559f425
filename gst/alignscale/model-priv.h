/* alignscale: what the models' files share (model.c, model-opencv.c,
 * model-pillow.c); not for the plan or the element
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef __ALIGN_SCALE_MODEL_PRIV_H__
#define __ALIGN_SCALE_MODEL_PRIV_H__

#include "model.h"

/* a table of the model's, zeroed, freed with the plan (mp->mem) */
void *as_model_alloc (AsModelPlan *mp, size_t n, size_t size);
/* the passes' geometry, common to every model */
void as_model_init_passes (AsModelPlan *mp, const AsModelInput *in);
/* weights per sample, tap-major, for the fast horizontal rows */
void *as_model_replicate (AsModelPlan *mp, const void *w, size_t size,
    int n_taps, int out_w, int channels);
/* the table of horizontal row `entry`, when it has one (AsDsp.h_prep):
 * 1 when built, 0 when the row needs none, -1 out of memory */
int as_model_row_table (AsModelPlan *mp, const AsDsp *dsp, int entry);
/* a library's nearest: source pixels xo[i], rows yo[j], copied */
double as_model_library_nearest (AsModelPlan *mp, const AsModelInput *in,
    const int32_t *xo, const int32_t *yo);

#endif /* __ALIGN_SCALE_MODEL_PRIV_H__ */
