//! What the remote offers to choose from: the trainer's courses with their modules and
//! lessons, and their groups with the members to mark present.

use std::collections::HashMap;

use entities::video;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::Serialize;

use crate::accounts::Role;
use crate::courses::{groups, structure};

#[derive(Debug, Serialize)]
pub struct Catalog {
    pub courses: Vec<CatalogCourse>,
    pub groups: Vec<CatalogGroup>,
}

#[derive(Debug, Serialize)]
pub struct CatalogCourse {
    pub id: i64,
    pub title: String,
    pub modules: Vec<CatalogModule>,
}

#[derive(Debug, Serialize)]
pub struct CatalogModule {
    pub id: i64,
    pub title: String,
    pub lessons: Vec<CatalogLesson>,
}

#[derive(Debug, Serialize)]
pub struct CatalogLesson {
    pub id: i64,
    pub title: String,
    /// The video is transcoded and can be shown.
    pub ready: bool,
}

#[derive(Debug, Serialize)]
pub struct CatalogGroup {
    pub id: i64,
    pub name: String,
    pub members: Vec<CatalogMember>,
}

/// A learner as the trainer knows them: nickname, or their number.
#[derive(Debug, Serialize)]
pub struct CatalogMember {
    pub id: i64,
    pub nickname: Option<String>,
}

pub async fn of_staff(db: &impl ConnectionTrait, staff_id: i64, role: Role) -> Result<Catalog, DbErr> {
    let mut courses = Vec::new();
    let mut trees = Vec::new();
    for course in structure::list_managed(db, staff_id, role).await? {
        trees.push(structure::tree(db, course).await?);
    }
    let video_ids: Vec<i64> = trees
        .iter()
        .flat_map(|t| {
            t.modules
                .iter()
                .flat_map(|m| m.lessons.iter().map(|l| l.video_id))
        })
        .collect();
    let ready: HashMap<i64, bool> = video::Entity::find()
        .filter(video::Column::Id.is_in(video_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v.status == "ready" && v.package_dir.is_some()))
        .collect();
    for tree in trees {
        courses.push(CatalogCourse {
            id: tree.course.id,
            title: tree.course.title,
            modules: tree
                .modules
                .into_iter()
                .map(|m| CatalogModule {
                    id: m.module.id,
                    title: m.module.title,
                    lessons: m
                        .lessons
                        .into_iter()
                        .map(|l| CatalogLesson {
                            ready: ready.get(&l.video_id).copied().unwrap_or(false),
                            id: l.id,
                            title: l.title,
                        })
                        .collect(),
                })
                .collect(),
        });
    }
    let mut out_groups = Vec::new();
    for group in groups::list_managed(db, staff_id, role).await? {
        let members = groups::members(db, group.id)
            .await?
            .into_iter()
            .map(|m| CatalogMember {
                id: m.id,
                nickname: m.nickname,
            })
            .collect();
        out_groups.push(CatalogGroup {
            id: group.id,
            name: group.name,
            members,
        });
    }
    Ok(Catalog {
        courses,
        groups: out_groups,
    })
}
