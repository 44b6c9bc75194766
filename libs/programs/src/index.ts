/** The association's policy helpers: support-program eligibility as data and the venture-investment deduction. Framework-free. */
export * from './eligibility';
export * from './venture-deduction';
