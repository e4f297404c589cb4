use crate::Plan;
pub fn compare(_plan: &Plan) {}
