//! Department tasks (协调事项): the part of a case one department works. A department
//! liaison sees only their own department's tasks and only what they need of the case.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Pending,
    InProgress,
    Done,
    Blocked,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] =
        [TaskStatus::Pending, TaskStatus::InProgress, TaskStatus::Done, TaskStatus::Blocked];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Pending => "pending",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Done => "done",
            TaskStatus::Blocked => "blocked",
        }
    }

    pub fn parse(s: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|t| t.as_str() == s.trim())
    }

    pub fn is_open(self) -> bool {
        self != TaskStatus::Done
    }
}

/// A task as the case's officer sees it (on the case page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseTask {
    pub id: i64,
    pub department_id: i64,
    pub department_name_zh: String,
    pub department_name_en: String,
    pub department_name_fr: String,
    pub status: TaskStatus,
    pub due_on: Option<NaiveDate>,
    pub instructions: String,
    pub department_note: String,
    pub updated_by_name: Option<String>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

/// A task in a department's inbox: the task and only the case facts the department needs
/// (no internal notes, no other departments' tasks).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxTask {
    pub id: i64,
    pub case_reference: String,
    pub case_title: String,
    pub case_type: super::CaseType,
    pub enterprise_name: String,
    pub enterprise_credit_code: Option<String>,
    pub status: TaskStatus,
    pub due_on: Option<NaiveDate>,
    pub instructions: String,
    pub department_note: String,
    pub version: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_done_tasks_are_closed() {
        assert_eq!(TaskStatus::ALL.iter().filter(|t| t.is_open()).count(), 3);
        for t in TaskStatus::ALL {
            assert_eq!(TaskStatus::parse(t.as_str()), Some(t));
        }
    }
}
