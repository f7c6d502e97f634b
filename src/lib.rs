//! Lernwerk: explainer videos and basic-skills courses for job centres.

pub mod accounts;
pub mod app;
pub mod cli;
pub mod config;
pub mod courses;
pub mod db;
pub mod demo;
pub mod jobs;
pub mod media;
pub mod rooms;
pub mod uploads;
pub mod web;
