"""numpy arrays in and out of a GStreamer pipeline, strides included.

docs/cookbook.md's "appsink to numpy" recipe is sample_to_array () below;
check_cookbook.py uses the same functions to push a picture through
alignscale and read the result.

A raw video buffer is not a dense H x W x C array: GStreamer pads each row
to its stride (RGB rows to a multiple of 4 bytes: a 225-pixel RGB row is
676 bytes, not 675), and a buffer may carry a GstVideoMeta with its own
strides and plane offsets (a decoder's or a pool's). Read both from the
meta when there is one, else from the caps (GstVideoInfo).
"""
import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstVideo", "1.0")
from gi.repository import Gst, GstVideo  # noqa: E402

import numpy as np  # noqa: E402


def sample_to_array(sample):
    """A GstSample of a packed 8-bit format (RGB, BGR, RGBA, RGBx, GRAY8,
    ...) -> a (height, width, bytes per pixel) uint8 array; of a planar
    one (RGBP, BGRP: a CHW tensor's layout) -> (planes, height, width).
    The array is a copy: the buffer is unmapped before returning."""
    info = GstVideo.VideoInfo.new_from_caps(sample.get_caps())
    buf = sample.get_buffer()
    meta = GstVideo.buffer_get_video_meta(buf)
    strides = meta.stride if meta else info.stride
    offsets = meta.offset if meta else info.offset
    w, h = info.width, info.height
    ok, mapinfo = buf.map(Gst.MapFlags.READ)
    if not ok:
        raise RuntimeError("cannot map the buffer")
    try:
        data = mapinfo.data
        if info.finfo.n_planes == 1:
            bpp = info.finfo.pixel_stride[0]  # bytes per pixel
            return np.ndarray((h, w, bpp), np.uint8, buffer=data,
                              offset=offsets[0],
                              strides=(strides[0], bpp, 1)).copy()
        return np.stack([
            np.ndarray((h, w), np.uint8, buffer=data, offset=offsets[p],
                       strides=(strides[p], 1))
            for p in range(info.finfo.n_planes)]).copy()
    finally:
        buf.unmap(mapinfo)


def planes_to_buffer(planes, caps):
    """Lay out 8-bit planes (each a (rows, row bytes) uint8 array: for RGB
    one (h, w*3) plane, for NV12 Y (h, w) and UV (h/2, w)) at the caps'
    default strides and offsets, as a source without a video meta must."""
    info = GstVideo.VideoInfo.new_from_caps(Gst.Caps.from_string(caps))
    out = bytearray(info.size)
    for p, plane in enumerate(planes):
        plane = np.ascontiguousarray(plane, dtype=np.uint8)
        rows, row_bytes = plane.shape
        view = np.ndarray((rows, row_bytes), np.uint8, buffer=out,
                          offset=info.offset[p], strides=(info.stride[p], 1))
        view[:] = plane
    return Gst.Buffer.new_wrapped(bytes(out))


def run(caps_in, planes, chain, timeout=10):
    """Push one frame (planes, laid out for caps_in) through
    'appsrc ! <chain> ! appsink' and return the output GstSample."""
    pipeline = Gst.parse_launch(
        "appsrc name=src format=time caps=\"%s\" ! %s ! "
        "appsink name=sink sync=false" % (caps_in, chain))
    src, sink = pipeline.get_by_name("src"), pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    try:
        buf = planes_to_buffer(planes, caps_in)
        buf.pts = 0
        buf.duration = Gst.SECOND
        if src.emit("push-buffer", buf) != Gst.FlowReturn.OK:
            raise RuntimeError("push-buffer failed")
        src.emit("end-of-stream")
        sample = sink.emit("try-pull-sample", timeout * Gst.SECOND)
        if sample is None:
            msg = pipeline.get_bus().pop_filtered(Gst.MessageType.ERROR)
            raise RuntimeError("no output from '%s': %s" % (
                chain, msg.parse_error() if msg else "timeout"))
        return sample
    finally:
        pipeline.set_state(Gst.State.NULL)


def scale(img, chain, fmt=None):
    """An (h, w, c) or (h, w) uint8 image through '<chain>' (alignscale
    and its caps) -> the output as an array of the same layout."""
    h, w = img.shape[:2]
    c = img.shape[2] if img.ndim == 3 else 1
    if fmt is None:
        fmt = {1: "GRAY8", 3: "RGB", 4: "RGBA"}[c]
    caps = "video/x-raw,format=%s,width=%d,height=%d,framerate=1/1" % (fmt, w, h)
    out = sample_to_array(run(caps, [img.reshape(h, w * c)], chain))
    return out[:, :, 0] if img.ndim == 2 else out
