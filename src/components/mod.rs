//! The widget's components, one per file. Each reads the shared state from context
//! (`crate::context`, through `hooks::use_ctx`) and dispatches `state::Action`s; none computes
//! stackability itself. The shell shows Programs itself and every other view through
//! `later_view::LaterView`, from the second module; `later_pages` says which component each of
//! those views is.

pub mod add_badges;
pub mod badge_input;
pub mod badge_results;
pub mod detail;
pub mod detail_facts;
pub mod detail_learning;
pub mod detail_stacking;
pub mod diagnostic_list;
pub mod explore;
pub mod filter_panel;
pub mod filters;
pub mod goal_controls;
pub mod goal_progress;
pub mod graph_list;
pub mod later_pages;
pub mod later_view;
pub mod map;
pub mod map_drawing;
pub mod map_focus;
pub mod map_labels;
pub mod map_node;
pub mod map_zoom_tools;
pub mod mark_control;
pub mod marked_list;
pub mod pathways;
pub mod plan;
pub mod plan_actions;
pub mod program_card;
pub mod programs;
pub mod requirement_groups;
pub mod result_item;
pub mod route_view;
pub mod shell;
pub mod status;
