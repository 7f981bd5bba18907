//! The Projection sheet's formula templates and their expansion to a row's formula; every
//! formula the workbook gets is checked here to use only the spreadsheet functions the tests
//! hold to the engine (LibreOffice and, in process, IronCalc), so an unknown name or a
//! mistyped column key is an error at export, never a cell that reads `#NAME?`.

use crate::report::ReportError;

/// The spreadsheet functions the workbook's formulas may use: those whose results the
/// spreadsheet tests compare with the engine.
pub const FUNCTIONS: [&str; 19] = [
    "AND",
    "COUNT",
    "COUNTIF",
    "EXP",
    "IF",
    "IFERROR",
    "INDEX",
    "INT",
    "IRR",
    "ISNUMBER",
    "MAX",
    "MIRR",
    "MIN",
    "NPV",
    "OR",
    "POISSON.DIST",
    "ROUND",
    "SIGN",
    "SUM",
];

/// Expands a column template for the month in 0-based `row`: `{m}` is the month, `{key}`
/// another column in the same row, `{key-}` that column in the row before (zero in the first
/// month), `{key@first}` that column in the first month, `{key@all}` that column over every
/// month (up to `last`), `{r}` the row's number. A key no column has is an error.
pub(super) fn expand(
    template: &str,
    row: u32,
    (first, last): (u32, u32),
    letters: &dyn Fn(&str) -> Option<String>,
) -> Result<String, ReportError> {
    let excel_row = row + 1;
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let unknown = |key: &str| ReportError::Formula(format!("no column {key:?} in {template:?}"));
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            return Err(ReportError::Formula(format!(
                "an unclosed {{ in {template:?}"
            )));
        };
        let token = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if token == "m" {
            out.push_str(&format!("$A{excel_row}"));
        } else if token == "r" {
            out.push_str(&excel_row.to_string());
        } else if let Some(key) = token.strip_suffix("@all") {
            let l = letters(key).ok_or_else(|| unknown(key))?;
            out.push_str(&format!("${l}${}:${l}${}", first + 1, last + 1));
        } else if let Some(key) = token.strip_suffix('-') {
            let l = letters(key).ok_or_else(|| unknown(key))?;
            if row == first {
                out.push('0');
            } else {
                out.push_str(&format!("{l}{}", excel_row - 1));
            }
        } else if let Some(key) = token.strip_suffix("@first") {
            let l = letters(key).ok_or_else(|| unknown(key))?;
            out.push_str(&format!("{l}${}", first + 1));
        } else {
            let l = letters(token).ok_or_else(|| unknown(token))?;
            out.push_str(&format!("{l}{excel_row}"));
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Checks that `formula` calls only [`FUNCTIONS`]: a name followed by `(` outside a quoted
/// string.
pub(super) fn check(formula: &str) -> Result<(), ReportError> {
    let mut quoted = false;
    let mut name = String::new();
    for c in formula.chars() {
        if c == '"' {
            quoted = !quoted;
            name.clear();
            continue;
        }
        if quoted {
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            name.push(c);
            continue;
        }
        if c == '(' && !name.is_empty() && !FUNCTIONS.contains(&name.as_str()) {
            return Err(ReportError::Formula(format!(
                "the function {name} in {formula:?} is not one the spreadsheet checks cover (they cover {})",
                FUNCTIONS.join(", ")
            )));
        }
        name.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(key: &str) -> Option<String> {
        match key {
            "net" => Some("C".to_owned()),
            "cum" => Some("D".to_owned()),
            _ => None,
        }
    }

    #[test]
    fn templates_refer_to_this_row_the_row_before_and_the_first() {
        let expand = |t: &str, row| expand(t, row, (4, 21), &letters).expect("expands");
        assert_eq!(expand("{cum-}+{net}", 4), "0+C5");
        assert_eq!(expand("{cum-}+{net}", 6), "D6+C7");
        assert_eq!(
            expand("COUNT({net@first}:{net})*{m}", 6),
            "COUNT(C$5:C7)*$A7"
        );
    }

    #[test]
    fn an_unknown_key_or_function_is_an_error() {
        assert!(expand("{nett}+1", 4, (4, 21), &letters).is_err());
        assert!(expand("{cum-}", 6, (4, 21), &letters).is_ok());
        assert!(expand("{kum-}", 4, (4, 21), &letters).is_err());
        assert!(check("IF(SUM(C5:C7)>0,ROUND(C5,2),\"SUMX(\")").is_ok());
        assert!(check("VLOOKUP(C5,A1:B2,2)").is_err());
        assert!(check("(1+k_rate)^(1/12)").is_ok());
    }
}
