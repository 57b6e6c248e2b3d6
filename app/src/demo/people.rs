//! The office's staff: one account of every role, all with the printed password.

use super::DemoError;
use crate::admin::db::users::{self, InsertError, NewUser};
use crate::admin::Department;
use crate::db::Tx;
use crate::domain::{Locale, Role};

/// Every demo account's password, printed when the demo is loaded.
pub const PASSWORD: &str = "model-city-demo";

/// The accounts the rest of the demo works as.
pub struct Staff {
    pub admin: i64,
    pub leader: i64,
    pub protocol: i64,
    /// The liaison officers, one to one with the key enterprises.
    pub officers: [i64; 3],
    /// The department liaisons, by their department's code.
    pub department_liaisons: Vec<(&'static str, i64)>,
    pub accounts: Vec<(String, String, Role)>,
}

impl Staff {
    pub fn officer(&self, i: usize) -> i64 {
        self.officers[i % self.officers.len()]
    }
}

/// (e-mail, name, role, department code, language)
const ACCOUNTS: [(&str, &str, Role, &str, Locale); 10] = [
    ("admin@demo.liaison.example", "马超 Ma Chao", Role::Admin, "", Locale::ZhCn),
    ("leader@demo.liaison.example", "王建国 Wang Jianguo", Role::Leader, "", Locale::ZhCn),
    ("protocol@demo.liaison.example", "陈静 Chen Jing", Role::ProtocolOfficer, "", Locale::ZhCn),
    ("li.na@demo.liaison.example", "李娜 Li Na", Role::LiaisonOfficer, "", Locale::ZhCn),
    ("zhang.wei@demo.liaison.example", "张伟 Zhang Wei", Role::LiaisonOfficer, "", Locale::ZhCn),
    ("liu.yang@demo.liaison.example", "刘洋 Liu Yang", Role::LiaisonOfficer, "", Locale::En),
    ("customs@demo.liaison.example", "赵敏 Zhao Min", Role::DepartmentLiaison, "customs", Locale::ZhCn),
    ("tax@demo.liaison.example", "孙丽 Sun Li", Role::DepartmentLiaison, "tax", Locale::ZhCn),
    ("forex@demo.liaison.example", "周强 Zhou Qiang", Role::DepartmentLiaison, "foreign_exchange", Locale::ZhCn),
    ("county@demo.liaison.example", "吴磊 Wu Lei", Role::CountyOfficer, "", Locale::ZhCn),
];

/// The accounts, the county officer's in `county`.
pub async fn load(
    tx: &mut Tx,
    hash: &str,
    departments: &[Department],
    county: i64,
    year: i32,
) -> Result<Staff, DemoError> {
    let at = super::at(super::day(year - 1, 12, 1), 0);
    let mut ids = Vec::new();
    let mut department_liaisons = Vec::new();
    for (email, name, role, department, locale) in ACCOUNTS {
        let department_id = departments.iter().find(|d| d.code == department).map(|d| d.id);
        let user = NewUser {
            email,
            display_name: name,
            password_hash: hash,
            role,
            department_id,
            county_id: (role == Role::CountyOfficer).then_some(county),
            locale,
            at,
        };
        let id = users::insert(tx, user).await.map_err(|e| match e {
            InsertError::EmailTaken => DemoError::EmailTaken(email.into()),
            InsertError::Db(e) => DemoError::Db(e),
        })?;
        if department_id.is_some() {
            department_liaisons.push((department, id));
        }
        ids.push(id);
    }
    Ok(Staff {
        admin: ids[0],
        leader: ids[1],
        protocol: ids[2],
        officers: [ids[3], ids[4], ids[5]],
        department_liaisons,
        accounts: ACCOUNTS.iter().map(|a| (a.0.to_string(), a.1.to_string(), a.2)).collect(),
    })
}
