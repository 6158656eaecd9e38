//! Hooks: where the widget meets the browser (network, storage, files, the parent frame,
//! language, the interop module), the second module's arrival, and the components' shared
//! context.

mod files;
mod storage;
mod use_ctx;
mod use_feed;
mod use_frame_resize;
mod use_i18n;
mod use_interop;
mod use_later;
mod use_pan_zoom;
mod use_record;
mod use_roving_focus;
mod use_text_measure;

pub use files::{download_json, use_read_text};
pub use use_ctx::{use_ctx, use_dispatch};
pub use use_feed::{use_feed, Failure, FeedLoad, Loaded, Prefetched};
pub use use_frame_resize::use_frame_resize;
pub use use_i18n::{resolve_language, use_i18n};
pub use use_interop::{use_interop, InteropLoad};
pub use use_later::{use_later_module, LaterStatus};
pub use use_pan_zoom::{use_pan_zoom, PanZoom, Rect};
pub use use_record::{load_plan, use_saved_plan};
pub use use_roving_focus::{use_roving_focus, NextItem, RovingFocus};
pub use use_text_measure::{use_text_measure, TextMeasure};
