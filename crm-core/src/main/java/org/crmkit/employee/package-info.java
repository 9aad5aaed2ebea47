/**
 * Employees (managers) as the host knows them. crmkit never stores employees: the host's user
 * directory answers through {@link org.crmkit.employee.EmployeeDirectory}, and reports and access
 * policies ask it.
 */
package org.crmkit.employee;
